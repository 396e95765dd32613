using System.Diagnostics;
using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.Safety;

/// <summary>Ctrl-C while build.sh or build.ps1 compiles the build project exits 130 with one line; a real compile
/// error prints its error lines (never MSBuild's "0 Error(s)"); neither leaves a published build. The bootstraps
/// share one lock and publish into a fresh folder, so bootstraps started at once during a republish all
/// succeed.</summary>
public class BootstrapInterruptTests
{
    /// <summary>build.sh, build.ps1 and build/ of this working tree, without build output: the bootstrap must
    /// compile.</summary>
    private static string CopyOfTheBootstrap()
    {
        var copy = TempDirectory("bootstrap-");
        foreach (var script in new[] { "build.sh", "build.ps1" })
        {
            File.Copy(Path.Combine(RepoRoot, script), Path.Combine(copy, script));
            File.SetUnixFileMode(Path.Combine(copy, script), File.GetUnixFileMode(Path.Combine(RepoRoot, script)));
        }
        Directory.CreateDirectory(Path.Combine(copy, ".nuke"));
        File.Copy(Path.Combine(RepoRoot, ".nuke", "parameters.json"), Path.Combine(copy, ".nuke", "parameters.json"));
        Copy(Path.Combine(RepoRoot, "build"), Path.Combine(copy, "build"));
        return copy;
    }

    private static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        foreach (var folder in Directory.EnumerateDirectories(source)
                     .Where(d => Path.GetFileName(d) is not ("bin" or "obj")))
            Copy(folder, Path.Combine(target, Path.GetFileName(folder)));
    }

    /// <summary>Starts the script as a terminal would: its own process group, Ctrl-C not ignored (a test runner started
    /// in the background may ignore it, and a shell cannot trap a signal it inherited as ignored).</summary>
    private static ScriptResult RunInProcessGroup(string copy, string[] command, Action<RunningScript> whileRunning) =>
        Run(["python3", "-c", "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.setsid(); " +
                "os.execv(sys.argv[1], sys.argv[1:])", .. command],
            workingDirectory: copy, script: "/usr/bin/env", timeout: TimeSpan.FromMinutes(5),
            whileRunning: whileRunning);

    private static void InterruptWhenCompiling(string copy, RunningScript process)
    {
        // MSBuild writes <project>.csproj.CoreCompileInputs.cache just before it starts the C# compiler (restore is
        // done by then: project.assets.json comes first); ReadyToRun follows for many seconds. The output folder is
        // obj/Release/<framework>/<runtime>/, so the file is looked for below obj.
        var obj = Path.Combine(copy, "build", "obj");
        Wait.Until(() => Directory.Exists(obj)
                && Directory.EnumerateFiles(obj, "*.CoreCompileInputs.cache", SearchOption.AllDirectories).Any(),
            "the start of the C# compile (build/obj/**/*.CoreCompileInputs.cache)", process,
            TimeSpan.FromMinutes(4));
        Process.Start("kill", ["-INT", "--", $"-{process.Id}"])!.WaitForExit();
    }

    /// <summary>The command line that runs a bootstrap of the copy: build.sh itself, build.ps1 through pwsh.</summary>
    private static string[] Bootstrap(string copy, string script) => script == "build.sh"
        ? [Path.Combine(copy, "build.sh"), "--help"]
        : [Path.Combine(RepoRoot, ".tools", "pwsh"), "-NoProfile", "-File", Path.Combine(copy, "build.ps1"), "--help"];

    /// <summary>The published builds of the copy (build/bin/run-&lt;fingerprint&gt;) and any publish left half
    /// done.</summary>
    private static string[] Published(string copy) => Directory.Exists(Path.Combine(copy, "build", "bin"))
        ? Directory.GetDirectories(Path.Combine(copy, "build", "bin"), "run*") : [];

    private static void Interrupted(string script)
    {
        var copy = CopyOfTheBootstrap();
        var result = RunInProcessGroup(copy, Bootstrap(copy, script), p => InterruptWhenCompiling(copy, p));
        result.ExitCode.ShouldBe(130, result.ToString());
        result.Output.Trim().ShouldBe($"{FirstRun}\ninterrupted: the build project was not compiled");
        Published(copy).ShouldBeEmpty();
    }

    private static void CompileError(string script)
    {
        var copy = CopyOfTheBootstrap();
        File.WriteAllText(Path.Combine(copy, "build", "Broken.cs"), "class Broken { int M() => ; }\n");
        var command = Bootstrap(copy, script);
        var result = Run(command[1..], workingDirectory: copy, script: command[0], timeout: TimeSpan.FromMinutes(5));
        result.ExitCode.ShouldBe(1, result.ToString());
        var lines = result.Output.Trim().Split('\n');
        lines[0].ShouldBe(FirstRun);
        lines[1].ShouldBe("error: the build project failed to compile:");
        lines.Skip(2).ShouldHaveSingleItem(result.ToString())
            .ShouldContain("Broken.cs(1,27): error CS1525: Invalid expression term ';'");
        result.Output.ShouldNotContain("Error(s)");
        result.Output.ShouldNotContain("Warning(s)");
        Published(copy).ShouldBeEmpty();
    }

    /// <summary>What the bootstrap says at once when it has to compile.</summary>
    private const string FirstRun = "compiling the build project, first run: ~20 s";

    [RequiresToolFact("python3", "apt-get install python3")]
    public void Ctrl_c_during_the_compile_exits_130_with_one_line_and_no_stamp() => Interrupted("build.sh");

    [RequiresToolFact(".tools/pwsh",
        "dotnet tool install --tool-path .tools PowerShell --version 7.6.9 (.ci/run does it)")]
    public async Task The_first_run_says_at_once_that_it_compiles_and_a_changed_build_says_so_too()
    {
        var copy = CopyOfTheBootstrap();
        var info = new ProcessStartInfo(Path.Combine(copy, "build.sh"), ["--help"])
        {
            WorkingDirectory = copy, RedirectStandardError = true, RedirectStandardOutput = true,
            // The dotnet build's bootstrap; NativeBootstrapTests has the native build's.
            Environment = { ["TVM_BUILD_BOOTSTRAP"] = "dotnet" },
        };
        using (var process = Process.Start(info)!)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            // The line comes before the compile: while the compiled build does not exist yet.
            (await process.StandardError.ReadLineAsync()).ShouldBe(FirstRun);
            Published(copy).ShouldBeEmpty();
            (await process.StandardError.ReadToEndAsync()).ShouldBe("");
            await process.WaitForExitAsync();
            process.ExitCode.ShouldBe(0);
            (await stdout).ShouldStartWith("Usage:");
        }
        var before = Published(copy).ShouldHaveSingleItem();
        Build_ps1_sees_the_same_build(copy, before);

        // Bootstraps started at once during the republish (build.sh and build.ps1 alike, one lock, one publish into
        // a fresh folder): each says so at once, and all run the new build.
        File.AppendAllText(Path.Combine(copy, "build", "Build.cs"), "// changed\n");
        var starts = Enumerable.Range(0, 4).Select(i => Task.Run(() =>
        {
            var command = Bootstrap(copy, i % 2 == 0 ? "build.sh" : "build.ps1");
            return Run(command[1..], workingDirectory: copy, script: command[0], timeout: TimeSpan.FromMinutes(5));
        })).ToList();
        foreach (var result in await Task.WhenAll(starts))
        {
            result.ExitCode.ShouldBe(0, result.ToString());
            result.Output.ShouldStartWith("compiling the build project (build/ changed): ~10 s\nUsage:",
                customMessage: result.ToString());
        }
        Published(copy).ShouldHaveSingleItem().ShouldNotBe(before); // one complete publish; the old one gone
        Run(["--help"], workingDirectory: copy, script: Path.Combine(copy, "build.sh"))
            .Output.ShouldStartWith("Usage:"); // warm: nothing
    }

    [Fact]
    public void A_compile_error_prints_the_error_line_not_the_summary() => CompileError("build.sh");

    [RequiresToolFact(".tools/pwsh",
        "dotnet tool install --tool-path .tools PowerShell --version 7.6.9 (.ci/run does it)")]
    public void Build_ps1_ctrl_c_during_the_compile_exits_130_with_one_line_and_no_stamp() => Interrupted("build.ps1");

    [RequiresToolFact(".tools/pwsh",
        "dotnet tool install --tool-path .tools PowerShell --version 7.6.9 (.ci/run does it)")]
    public void Build_ps1_compile_error_prints_the_error_line_not_the_summary() => CompileError("build.ps1");

    /// <summary>build.ps1 computes build.sh's fingerprint: it starts the build build.sh published, compiling
    /// nothing.</summary>
    private static void Build_ps1_sees_the_same_build(string copy, string published)
    {
        var command = Bootstrap(copy, "build.ps1");
        var result = Run(command[1..], workingDirectory: copy, script: command[0]);
        result.Output.ShouldStartWith("Usage:", customMessage: result.ToString());
        Published(copy).ShouldBe([published]);
    }
}
