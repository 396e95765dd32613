using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Safety.ClearStaleImagesSafetyTests;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.Safety;

/// <summary>ClearStaleImages asks before removing, unless --yes: whether it may ask is the process's stdin (empty and
/// closed, or a terminal from script(1)), so through ./build.sh.</summary>
public class ClearStaleImagesPromptTests
{
    [Fact]
    public void Without_yes_and_without_a_terminal_it_lists_and_removes_nothing()
    {
        var docker = new FakeDocker();
        var result = Run(["ClearStaleImages", "--tvm-home", Fixture], Environment(docker));
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain("  tlcpack/ci-gpu:old\n");
        result.Output.ShouldContain("Would remove 2 images: tlcpack/ci-gpu:old tlcpack/ci-lint:older.");
        result.Output.ShouldContain("Pass --yes to remove them");
        docker.Calls.ShouldAllBe(c => c[0] != "rmi");
    }

    [Theory]
    [InlineData("1")]
    [InlineData("true")]
    public void YES_in_the_environment_does_not_skip_the_question(string yes)
    {
        var docker = new FakeDocker();
        var result = Run(["ClearStaleImages", "--tvm-home", Fixture], Environment(docker, new() { ["YES"] = yes }));
        result.ExitCode.ShouldBe(255, result.ToString());
        result.Output.ShouldContain("Would remove 2 images: tlcpack/ci-gpu:old tlcpack/ci-lint:older.");
        docker.Calls.ShouldAllBe(c => c[0] != "rmi");
    }

    [RequiresToolFact("script", "apt-get install util-linux")]
    public void On_a_terminal_it_lists_then_asks_and_only_y_removes()
    {
        foreach (var (answer, removes) in new[] { ("n", false), ("", false), ("y", true) })
        {
            var docker = new FakeDocker();
            // script(1) gives build.sh a terminal; the answer is typed into it.
            var build = $"'{Path.Combine(RepoRoot, "build.sh")}' ClearStaleImages --tvm-home '{Fixture}'";
            var (code, output) = Processes.Run("bash",
                ["-c", $"printf '{answer}\\n' | script -qefc \"{build}\" /dev/null"],
                RepoRoot, Environment(docker));
            output = output.Replace("\r", "");
            code.ShouldBe(removes ? 0 : 255, output);
            output.IndexOf("  tlcpack/ci-lint:older\n").ShouldBeInRange(0, output.IndexOf("Proceed? [y/N]"), output);
            if (!removes) output.ShouldContain("Aborted.");
            docker.Calls.Where(c => c[0] == "rmi")
                .ShouldBe(removes ? [["rmi", "tlcpack/ci-gpu:old", "tlcpack/ci-lint:older"]] : []);
        }
    }
}
