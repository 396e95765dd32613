using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.Adopt;

/// <summary>Adopt writes tvm-build into a git copy of the fixture; then everything runs from inside it, without
/// --tvm-home or TVM_HOME.</summary>
public class AdoptTests
{
    [Fact]
    public void After_adopt_everything_runs_from_inside_and_git_sees_exactly_the_home()
    {
        var tree = GitTree.CommittedFixture();
        var adopt = Run("Adopt", "--tvm-home", tree);
        adopt.ExitCode.ShouldBe(0, adopt.ToString());
        var written = Written(adopt);
        written.ShouldContain("build/Build.cs");
        written.ShouldContain(".github/workflows/ci.yml");
        written.ShouldContain("dev/docs/getting-started.md");
        adopt.Output.ShouldContain("git check-ignore: the");

        foreach (var args in new[]
                 {
                     new[] { "Compile" }, ["UnitTest"], ["Lint"], ["CiTask", "--name", "unittest", "--dry-run"],
                         ["GenerateCi", "--check"],
                 })
        {
            var result = Inside(tree, args);
            result.ExitCode.ShouldBe(0, $"./build.sh {string.Join(" ", args)}: {result}");
            // The first line of the log (after the bootstrap's "compiling the build project" on a first run).
            result.Output.Split('\n').First(l => l.Contains("[INF] tvm-build: ")).TrimEnd()
                .ShouldEndWith($"TVM tree {tree} (the build's root: tvm-build lives in this checkout)" +
                               ", layout main (3rdparty/tvm-ffi, no Makefile)");
        }

        // Exactly the home: build/*.cs tracked (untracked until committed), build-*/ and build/bin ignored.
        var status = Status(tree);
        status.ShouldBe(written.Select(p => (p is ".gitignore" or "docs/contribute/index.rst" ? " M " : "?? ") + p)
            .Order(StringComparer.Ordinal).ToList());
        Directory.Exists(Path.Combine(tree, "build-cpu")).ShouldBeTrue();
        Directory.Exists(Path.Combine(tree, "build", "bin")).ShouldBeTrue();
        GitTree.Git(tree, "check-ignore", "build-cpu/config.cmake", "build/bin/Release", "build/obj/x",
            ".nuke/temp/build.log").Code.ShouldBe(0);
        GitTree.Git(tree, "check-ignore", "build/Build.cs").Code.ShouldBe(1, "build/*.cs is tracked");

        var again = Inside(tree, ["Adopt"]);
        again.ExitCode.ShouldBe(0, again.ToString());
        again.Output.ShouldContain("Nothing to do");
        Status(tree).ShouldBe(status);
        Inside(tree, ["Adopt", "--check"]).ExitCode.ShouldBe(0);
    }

    [Fact]
    public void Check_prints_the_diff_and_dry_run_writes_nothing()
    {
        var tree = GitTree.CommittedFixture();
        var check = Run("Adopt", "--tvm-home", tree, "--check");
        check.ExitCode.ShouldBe(255);
        check.Output.ShouldContain("+++ b/generated/.gitignore");
        check.Output.ShouldContain("+!/build/");
        check.Output.ShouldContain("+   tvm_build");
        check.Output.ShouldContain("Adopt would change");
        var dryRun = Run("Adopt", "--tvm-home", tree, "--dry-run");
        dryRun.ExitCode.ShouldBe(0, dryRun.ToString());
        dryRun.Output.ShouldContain($"# would write {tree}/build.sh");
        dryRun.Output.ShouldContain($"# would edit {tree}/.gitignore");
        Status(tree).ShouldBeEmpty();
    }

    /// <summary>Gives an adopted home this checkout's compiled build, as its own bootstrap would have made it (the
    /// home's build/ holds the same source files), so that its ./build.sh starts without compiling: in the folder
    /// the tree's build.sh names after its own sources_hash. After_adopt_everything_runs_from_inside compiles a
    /// home for real.</summary>
    internal static void ReuseCompiledBuild(string tree)
    {
        EnsureCompiled();
        Trees.CopyDirectory(CompiledBuildFolder(RepoRoot), CompiledBuildFolder(tree));
    }

    public static ScriptResult Inside(string tree, string[] args) =>
        Run(args, workingDirectory: tree, script: Path.Combine(tree, "build.sh"), timeout: TimeSpan.FromMinutes(5));

    /// <summary>The paths Adopt reports it wrote, edited, forwarded or updated.</summary>
    public static List<string> Written(ScriptResult adopt) => adopt.Output.Split('\n')
        .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"\[INF\] (write|edit|forward|update) +(\S+)"))
        .Where(m => m.Success).Select(m => m.Groups[2].Value).ToList();

    public static List<string> Status(string tree) => GitTree.Git(tree, "status", "--porcelain",
        "--untracked-files=all").Output
        .Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();
}
