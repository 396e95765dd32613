using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>The in-process seam against ./build.sh: the same output and exit code for what the converted tests read,
/// and the process left as it was.</summary>
[Collection(nameof(InProcessCollection))]
public class InProcessBuildTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("Compil")]
    [InlineData("Compile", "--tvm-home", "{fixture}", "--dry-run", "--no-logo", "--verbosity", "minimal")]
    [InlineData("Compile", "--tvm-home", "/nonexistent/tvm", "--no-logo")]
    public void A_run_prints_what_build_sh_prints_and_exits_with_its_code(params string[] args)
    {
        args = [.. args.Select(a => a.Replace("{fixture}", BuildScript.Fixture))];
        var script = BuildScript.Run(args);
        var inProcess = InProcessBuild.Run(args);
        inProcess.ExitCode.ShouldBe(script.ExitCode);
        Comparable(inProcess.Output).ShouldBe(Comparable(script.Output));
    }

    [Fact]
    public void The_environment_folder_and_console_are_restored()
    {
        var (stdout, stderr, folder) = (Console.Out, Console.Error, Directory.GetCurrentDirectory());
        var before = Environment.GetEnvironmentVariables();
        Environment.GetEnvironmentVariable("TVM_BUILD_SEAM_CHECK").ShouldBeNull();
        var result = InProcessBuild.Run(["Configure", "--config-only", "--dry-run"],
            new() { ["TVM_HOME"] = BuildScript.Fixture, ["TVM_BUILD_SEAM_CHECK"] = "1" },
            workingDirectory: BuildScript.TempDirectory());
        result.ExitCode.ShouldBe(0, result.ToString());
        var after = Environment.GetEnvironmentVariables();
        after.Keys.Cast<string>().Order().ShouldBe(before.Keys.Cast<string>().Order());
        foreach (string name in before.Keys) after[name].ShouldBe(before[name], name);
        Directory.GetCurrentDirectory().ShouldBe(folder);
        Console.Out.ShouldBeSameAs(stdout);
        Console.Error.ShouldBeSameAs(stderr);
    }

    /// <summary>Without what differs from run to run: times and durations.</summary>
    private static string Comparable(string output) => System.Text.RegularExpressions.Regex.Replace(output,
        @"\d{2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}|< 1s|\d+(\.\d+)?s\b", "T");
}
