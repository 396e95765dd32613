using Shouldly;
using TvmBuild.Ci;
using TvmBuild.Tests.Support;
using Xunit;

namespace TvmBuild.Tests.Unit;

/// <summary>The branch and title --changes decides with, as Jenkins and GitHub Actions give them.</summary>
public class ChangeEnvironmentTests
{
    [Theory]
    [InlineData("BRANCH_NAME=PR-12;CHANGE_TITLE=[skip ci] x", "PR-12", "[skip ci] x")]
    [InlineData("BRANCH_NAME=main;GITHUB_ACTIONS=true;GITHUB_HEAD_REF=topic", "main", null)]
    [InlineData("GITHUB_ACTIONS=true;GITHUB_HEAD_REF=main;GITHUB_REF=refs/pull/345/merge", "PR-345", null)]
    [InlineData("GITHUB_ACTIONS=true;GITHUB_HEAD_REF=;GITHUB_REF_NAME=main", "main", null)]
    [InlineData("GITHUB_REF_NAME=main;GITHUB_HEAD_REF=topic", null, null)]
    [InlineData("", null, null)]
    public void Jenkins_names_win_and_a_github_pull_request_is_named_as_jenkins_names_it(
        string variables, string? branch, string? title)
    {
        var environment = variables.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(v => v.Split('=', 2))
            .ToDictionary(v => v[0], v => v[1]);

        ChangeEnvironment.Read(environment.GetValueOrDefault).ShouldBe((branch, title));
    }

    [Fact]
    public void A_github_pull_request_takes_its_title_from_the_event_payload()
    {
        var payload = Path.Combine(BuildScript.TempDirectory(), "event.json");
        File.WriteAllText(payload, """{"number": 7, "pull_request": {"title": "[skip ci] Typo"}}""");
        var environment = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true", ["GITHUB_HEAD_REF"] = "typo", ["GITHUB_REF"] = "refs/pull/7/merge",
            ["GITHUB_EVENT_PATH"] = payload,
        };

        ChangeEnvironment.Read(environment.GetValueOrDefault).ShouldBe(("PR-7", "[skip ci] Typo"));
    }
}
