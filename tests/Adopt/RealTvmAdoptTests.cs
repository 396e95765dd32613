using Shouldly;
using TvmBuild.Tests.Support;
using static TvmBuild.Tests.Adopt.AdoptTests;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.Adopt;

/// <summary>Adopt and Adopt --retire in a git clone of the real TVM tree in TVM_HOME (main or v0.9.0), then Configure
/// and Lint from inside without TVM_HOME: skipped, visibly, without one.</summary>
public class RealTvmAdoptTests
{
    private static string Clone()
    {
        var clone = Path.Combine(TempDirectory("tvm-adopt-real-"), "tvm");
        var (code, output) = GitTree.Git(Path.GetTempPath(), "clone", "--quiet", Environment
            .GetEnvironmentVariable("TVM_HOME")!, clone);
        code.ShouldBe(0, output);
        return clone;
    }

    [RealTvmFact]
    public void Adopt_then_configure_and_lint_from_inside()
    {
        var tree = Clone();
        var adopt = Run(["Adopt", "--tvm-home", tree], timeout: TimeSpan.FromMinutes(5));
        adopt.ExitCode.ShouldBe(0, adopt.ToString());
        var configure = Inside(tree, ["Configure", "--config-only"]);
        configure.ExitCode.ShouldBe(0, configure.ToString());
        configure.Output.ShouldContain("the build's root: tvm-build lives in this checkout");
        // Lint on what changed: the home, with the tree's own linters (at v0.9.0 the fast steps of task_lint.sh).
        var lint = Inside(tree, File.Exists(Path.Combine(tree, "version.py")) ? ["Lint", "--linters", "file-type",
            "cmake-options"] : ["Lint"]);
        lint.ExitCode.ShouldBe(0, lint.ToString());
    }

    [RealTvmFact]
    public void Adopt_retire_leaves_nothing_that_names_a_removed_path()
    {
        var tree = Clone();
        var adopt = Run(["Adopt", "--retire", "--tvm-home", tree], timeout: TimeSpan.FromMinutes(5));
        adopt.ExitCode.ShouldBe(0, adopt.ToString());
        adopt.Output.ShouldMatch(@"--retire: \d+ files go; none of the \d+ kept files of the tree names one of them");
        File.Exists(Path.Combine(tree, "docker", "build.sh")).ShouldBeFalse();
        // A list of paths names none the build replaces, also one TVM removed before (docker/lint.sh at main).
        var skips = Path.Combine(tree, "ci", "scripts", "jenkins", "git_change_docker.sh");
        if (File.Exists(skips))
            File.ReadAllLines(skips).Where(l => l.Trim() is "\"docker/lint.sh\"" or "\"lint.sh\""
                or "\"docker/build.sh\"" or "\"docker/clear-stale-images.sh\"").ShouldBeEmpty();
        Inside(tree, ["Configure", "--config-only"]).ExitCode.ShouldBe(0);
        var dryRun = Run(["--dry-run", "ci_cpu", "--", "true"], workingDirectory: tree, script: Path.Combine(tree,
            "docker", "bash.sh"),
            environment: new FakeDocker().Environment());
        dryRun.ExitCode.ShouldBe(0, dryRun.ToString());
        dryRun.Output.ShouldContain("docker/bash.sh is now: ./build.sh DevShell --docker ci_cpu --dry-run -- true");
        Inside(tree, ["Adopt", "--retire"]).Output.ShouldContain("Nothing to do");
    }
}
