using System.Diagnostics;
using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>./build.sh as a process, for what only a process shows: the bootstrap, build.ps1 and build.cmd, Ctrl-C.
/// </summary>
public class CliProcessTests
{
    [Fact]
    public void Missing_dotnet_says_how_to_install_it()
    {
        var bin = TempDirectory();
        foreach (var tool in new[] { "bash", "dirname" })
            File.CreateSymbolicLink(Path.Combine(bin, tool), $"/usr/bin/{tool}");
        var result = Run(["--help"], new() { ["PATH"] = bin, ["HOME"] = bin, ["DOTNET_EXE"] = null });
        result.ExitCode.ShouldBe(1);
        result.Output
            .ShouldContain("error: the .NET SDK (dotnet, version 10) was not found in DOTNET_EXE, on PATH or in " +
                "~/.dotnet.");
        result.Output.ShouldContain("hint: install it");
    }

    [RequiresToolFact(".tools/pwsh",
        "dotnet tool install --tool-path .tools PowerShell --version 7.6.9 (.ci/run does it)")]
    public void Build_ps1_runs_the_same_build()
    {
        var pwsh = Path.Combine(RepoRoot, ".tools", "pwsh");
        var help = Run(["-NoProfile", "-File", Path.Combine(RepoRoot, "build.ps1"), "--help"], script: pwsh);
        help.ExitCode.ShouldBe(0);
        // Its own stamp: the first call may compile, and says so in one line first.
        var shown = help.Output.StartsWith("compiling the build project") ? help.Output.Split('\n', 2)[1] : help.Output;
        shown.ShouldBe(Run("--help").Output);
        var unknown = Run(["-NoProfile", "-File", Path.Combine(RepoRoot, "build.ps1"), "Compil"], script: pwsh);
        unknown.ExitCode.ShouldBe(255);
        unknown.Output.ShouldContain("error: Unknown target 'Compil'.");
    }

    [Fact]
    public void Build_cmd_runs_build_sh_under_a_posix_shell_with_its_exit_code()
    {
        Run(["build.cmd", "--help"], script: "/bin/sh").Output.ShouldBe(Run("--help").Output);
        Run(["build.cmd", "Compil"], script: "/bin/sh").ExitCode.ShouldBe(255);
    }

    [Fact]
    public void Ctrl_c_ends_the_child_process_tree_and_reports_cancelled()
    {
        var directory = TempDirectory();
        var (result, child) = InterruptedCheckout(directory, traps: "", "exec sleep 60");
        result.ExitCode.ShouldBe(130);
        result.Output.ShouldContain("Checkout was cancelled");
        result.Output.ShouldContain("Build cancelled on ");
        Directory.Exists($"/proc/{child}").ShouldBeFalse("the child process must be gone");
        Directory.GetDirectories(directory).ShouldBeEmpty("nothing half-written");
    }

    [Fact]
    public void Ctrl_c_kills_a_child_that_ignores_the_interrupt_after_its_grace_period()
    {
        // The shell ignores SIGINT and so does the sleep it starts: only the kill after the grace period ends them
        // (without it the run outlives the 30 s limit).
        var (result, child) = InterruptedCheckout(TempDirectory(), traps: "trap '' INT", "sleep 600",
            TimeSpan.FromSeconds(30));
        result.ExitCode.ShouldBe(130);
        result.Output.ShouldContain("Checkout was cancelled");
        Directory.Exists($"/proc/{child}").ShouldBeFalse("the child process must be gone");
    }

    /// <summary>Checkout with a fake git (a shell script that sets <paramref name="traps"/>, then writes its pid and
    /// runs <paramref name="command"/>), and SIGINT to the build once the fake has written its pid: the result and the
    /// fake's pid.</summary>
    private static (ScriptResult Result, int Child) InterruptedCheckout(string directory, string traps, string command,
        TimeSpan? timeout = null)
    {
        // The pid file is the fake's "ready": written after its traps (a SIGINT before them would end it at once and
        // never test the grace period), and whole when it appears (renamed into place).
        var pidFile = Path.Combine(directory, "child.pid");
        var fakeGit = Path.Combine(directory, "git");
        File.WriteAllText(fakeGit,
            $"#!/bin/sh\n{traps}\necho $$ > {pidFile}.new && mv {pidFile}.new {pidFile}\n{command}\n");
        File.SetUnixFileMode(fakeGit, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var result = Run(["Checkout", "--tvm-home", Path.Combine(directory, "tvm")], new() { ["GIT_EXE"] = fakeGit },
            timeout: timeout,
            whileRunning: process =>
            {
                Wait.Until(() => File.Exists(pidFile), "the fake git's pid file (written once its traps are set)",
                    process);
                Process.Start("kill", ["-INT", process.Id.ToString()]).WaitForExit();
            });
        return (result, int.Parse(File.ReadAllText(pidFile).Trim()));
    }
}
