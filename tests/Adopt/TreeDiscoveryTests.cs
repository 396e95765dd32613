using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.InProcessBuild;

namespace TvmBuild.Tests.Adopt;

/// <summary>Where the TVM tree is without --tvm-home: the log's first line names it and its layout, and says
/// why.</summary>
[Collection(nameof(InProcessCollection))]
public class TreeDiscoveryTests
{
    private const string Main = ", layout main (3rdparty/tvm-ffi, no Makefile)";

    [Fact]
    public void A_separate_checkout_run_from_inside_a_tvm_tree_finds_that_tree()
    {
        var tree = Trees.CopyFixture();
        var inside = Path.Combine(tree, "python", "tvm");
        var result = Run(["Configure", "--config-only"], workingDirectory: inside);
        result.ExitCode.ShouldBe(0, result.ToString());
        FirstLine(result)
            .ShouldEndWith($"tvm-build: Configure on Terminal; TVM tree {tree} (it holds the current directory){Main}");
        File.Exists(Path.Combine(tree, "build-cpu", "config.cmake")).ShouldBeTrue();
    }

    [Fact]
    public void Tvm_home_wins_and_the_log_says_where_it_came_from()
    {
        var tree = Trees.CopyFixture();
        var other = Trees.CopyFixture();
        var fromEnvironment = Run(["Configure", "--config-only", "--dry-run"], new() { ["TVM_HOME"] = tree },
            workingDirectory: other);
        fromEnvironment.ExitCode.ShouldBe(0, fromEnvironment.ToString());
        FirstLine(fromEnvironment).ShouldEndWith($"TVM tree {tree} (environment variable TVM_HOME){Main}");
        var fromCommandLine = Run(["Configure", "--config-only", "--dry-run", "--tvm-home", tree],
            workingDirectory: other);
        FirstLine(fromCommandLine).ShouldEndWith($"TVM tree {tree} (--tvm-home){Main}");
    }

    [Fact]
    public void Outside_any_tvm_tree_the_error_is_the_usual_one()
    {
        var result = Run(["Configure"], workingDirectory: TempDirectory());
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain("No TVM tree given.");
        result.Output.ShouldContain("Pass --tvm-home <dir> (or set TVM_HOME), or run from inside a TVM checkout;");
    }

    private static string FirstLine(ScriptResult result) => result.Output.Split('\n')[0].TrimEnd();
}
