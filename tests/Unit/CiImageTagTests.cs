using Shouldly;
using TvmBuild.Ci;
using Xunit;

namespace TvmBuild.Tests.Unit;

/// <summary>The tag of the images a CI build makes: TVM's &lt;branch&gt;-&lt;commit&gt;-&lt;build number&gt;.</summary>
public class CiImageTagTests
{
    private static string Of(string? commit, params (string Name, string Value)[] variables) =>
        CiImageTag.Of(n => variables.FirstOrDefault(v => v.Name == n).Value, commit);

    [Fact]
    public void Jenkins_github_and_a_local_run_get_tags_of_their_own()
    {
        Of("1a2b3c4d5e", ("BRANCH_NAME", "PR-123"), ("BUILD_NUMBER", "7")).ShouldBe("PR-123-1a2b3c4d5e-7");
        Of("1a2b3c4d5e", ("GITHUB_HEAD_REF", "fix/lint"), ("GITHUB_REF_NAME", "42/merge"), ("GITHUB_RUN_ID", "99"))
            .ShouldBe("fix-lint-1a2b3c4d5e-99");
        Of("1a2b3c4d5e", ("GITHUB_HEAD_REF", ""), ("GITHUB_REF_NAME", "main"), ("GITHUB_RUN_ID", "99"))
            .ShouldBe("main-1a2b3c4d5e-99");
        Of(null).ShouldBe("local");
    }

    [Fact]
    public void A_tag_is_what_docker_accepts()
    {
        Of("abc", ("BRANCH_NAME", "-x y:z"), ("BUILD_NUMBER", "1")).ShouldBe("x-y-z-abc-1");
        Of("abc", ("BRANCH_NAME", new string('b', 200))).Length.ShouldBe(128);
    }
}
