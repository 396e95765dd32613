using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>The bootstraps run the native build of the sources when there is one, and otherwise run the dotnet build
/// and compile the native one in the background, once. A fake dotnet stands in for the minute-long native publish
/// (the test build's trim and AOT analysis keeps the real one compiling).</summary>
public class NativeBootstrapTests
{
    private const string NativeScript = "#!/bin/sh\necho \"native $*\"\n";

    /// <summary>build.sh, build.ps1, build/ and the dotnet build already compiled from it, modification times kept so
    /// that the fingerprint (and so the compiled folder's name) is the working tree's.</summary>
    private static string CopyWithCompiledBuild()
    {
        EnsureCompiled();
        var copy = TempDirectory("native-bootstrap-");
        Directory.CreateDirectory(Path.Combine(copy, "build", "bin"));
        var sources = Directory.EnumerateFileSystemEntries(Path.Combine(RepoRoot, "build"))
            .Where(p => Path.GetFileName(p) is not ("bin" or "obj"));
        Cp([.. sources], Path.Combine(copy, "build"));
        Cp([Path.Combine(RepoRoot, "build.sh"), Path.Combine(RepoRoot, "build.ps1"), Path.Combine(RepoRoot, ".nuke")],
            copy);
        Cp([CompiledBuildFolder(RepoRoot)], Path.Combine(copy, "build", "bin"));
        Directory.Exists(CompiledBuildFolder(copy)).ShouldBeTrue("the copy should have the working tree's fingerprint");
        return copy;
    }

    private static void Cp(string[] sources, string target)
    {
        var (code, output) = Processes.Run("cp", ["-a", .. sources, target]);
        code.ShouldBe(0, output);
    }

    private static string NativeFolder(string copy) => CompiledBuildFolder(copy).Replace("/run-", "/native-");

    /// <summary>A dotnet that answers a native publish (-p:PublishAot=true) itself, logging its arguments, and passes
    /// everything else to the real one.</summary>
    private static string FakeDotnet(string folder, bool fails = false)
    {
        var real = RequiresToolFactAttribute.Which("dotnet")!;
        var script = Path.Combine(folder, "dotnet");
        File.WriteAllText(script, $$"""
            #!/bin/bash
            case " $* " in *" -p:PublishAot=true "*) ;; *) exec {{real}} "$@" ;; esac
            echo "$*" >>"{{folder}}/native-publishes"
            {{(fails ? "echo 'error IL3050: a native build failure'; exit 1" : "")}}
            while [[ $# -gt 0 ]]; do [[ $1 == -o ]] && out=$2; shift; done
            mkdir -p "$out" && printf '{{NativeScript.Replace("\n", "\\n")}}' >"$out/_build" && chmod +x "$out/_build"
            """);
        File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
        return script;
    }

    private static void WaitFor(string path, string what)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!Path.Exists(path) && DateTime.UtcNow < deadline) Thread.Sleep(50);
        Path.Exists(path).ShouldBeTrue($"{what} ({path}) within a minute");
    }

    private static Dictionary<string, string?> Native(string? dotnet = null) =>
        new() { ["TVM_BUILD_BOOTSTRAP"] = null, ["DOTNET_EXE"] = dotnet };

    [Fact]
    public void Build_sh_runs_the_native_build_when_there_is_one_and_TVM_BUILD_BOOTSTRAP_dotnet_keeps_to_dotnet()
    {
        var copy = CopyWithCompiledBuild();
        var native = Directory.CreateDirectory(NativeFolder(copy)).FullName;
        File.WriteAllText(Path.Combine(native, "_build"), NativeScript);
        File.SetUnixFileMode(Path.Combine(native, "_build"), (UnixFileMode)0b111_101_101);

        var run = Run(["Compile", "--dry-run"], Native(), copy, Path.Combine(copy, "build.sh"));
        run.ExitCode.ShouldBe(0, run.Output);
        run.Output.Trim().ShouldBe("native Compile --dry-run");

        var dotnet = Run(["--help"], new() { ["TVM_BUILD_BOOTSTRAP"] = "dotnet" }, copy,
            Path.Combine(copy, "build.sh"));
        dotnet.ExitCode.ShouldBe(0, dotnet.Output);
        dotnet.Output.ShouldStartWith("Usage: ./build.sh");
    }

    /// <summary>The build's own code (here its dotnet build, standing in for the native binary under a native
    /// folder's name) checks the fingerprint that build.sh no longer computes before starting it.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_native_build_of_other_sources_hands_the_run_back_to_build_sh(bool stale)
    {
        var copy = CopyWithCompiledBuild();
        var native = stale ? Path.Combine(copy, "build", "bin", "native-1-2") : NativeFolder(copy);
        Cp([CompiledBuildFolder(copy) + "/."], Directory.CreateDirectory(native).FullName);
        File.WriteAllText(Path.Combine(native, "_build"), "#!/bin/sh\nexec dotnet \"${0%/*}/_build.dll\" \"$@\"\n");
        File.SetUnixFileMode(Path.Combine(native, "_build"), (UnixFileMode)0b111_101_101);
        var fakes = TempDirectory("fake-dotnet-");

        var run = Run(["--help"], Native(FakeDotnet(fakes)), copy, Path.Combine(copy, "build.sh"));
        run.ExitCode.ShouldBe(0, run.Output);
        if (stale)
        {
            run.Output.ShouldStartWith("compiling the native build in the background");
            WaitFor(Path.Combine(NativeFolder(copy), "_build"), "the native build of these sources");
        }
        else run.Output.ShouldStartWith("Usage: ./build.sh");
        run.Output.ShouldContain("Usage: ./build.sh");
    }

    [RequiresToolFact(".tools/pwsh",
        "dotnet tool install --tool-path .tools PowerShell --version 7.6.9 (.ci/run does it)")]
    public void Build_ps1_runs_the_same_native_build()
    {
        var copy = CopyWithCompiledBuild();
        var native = Directory.CreateDirectory(NativeFolder(copy)).FullName;
        File.WriteAllText(Path.Combine(native, "_build"), NativeScript);
        File.SetUnixFileMode(Path.Combine(native, "_build"), (UnixFileMode)0b111_101_101);

        var run = Run(["-NoProfile", "-File", Path.Combine(copy, "build.ps1"), "Lint", "--all"], Native(), copy,
            Path.Combine(RepoRoot, ".tools", "pwsh"));
        run.ExitCode.ShouldBe(0, run.Output);
        run.Output.Trim().ShouldBe("native Lint --all");
    }

    [Fact]
    public void The_dotnet_build_compiles_the_native_build_once_in_the_background_and_later_runs_use_it()
    {
        var copy = CopyWithCompiledBuild();
        var stale = Directory.CreateDirectory(Path.Combine(copy, "build", "bin", "native-1-2")).FullName;
        var fakes = TempDirectory("fake-dotnet-");
        var dotnet = FakeDotnet(fakes);

        var first = Run(["--help"], Native(dotnet), copy, Path.Combine(copy, "build.sh"));
        first.ExitCode.ShouldBe(0, first.Output);
        first.Output.ShouldStartWith("compiling the native build in the background (~1 min, .nuke/temp/native.log)");
        first.Output.ShouldContain("Usage: ./build.sh");

        WaitFor(Path.Combine(NativeFolder(copy), "_build"), "the native build");
        var later = Run(["Compile"], Native(dotnet), copy, Path.Combine(copy, "build.sh"));
        later.Output.Trim().ShouldBe("native Compile");
        var publishes = File.ReadAllLines(Path.Combine(fakes, "native-publishes"));
        publishes.Length.ShouldBe(1);
        publishes[0].ShouldContain($"--artifacts-path {copy}/build/obj/native");
        Directory.Exists(stale).ShouldBeFalse("the native build of older sources goes");
        Directory.EnumerateDirectories(Path.Combine(copy, "build", "bin"), "native-*.new-*").ShouldBeEmpty();
    }

    [Fact]
    public void A_native_build_that_does_not_compile_is_said_once_and_not_tried_again()
    {
        var copy = CopyWithCompiledBuild();
        var fakes = TempDirectory("fake-dotnet-");
        var dotnet = FakeDotnet(fakes, fails: true);

        Run(["--help"], Native(dotnet), copy, Path.Combine(copy, "build.sh")).ExitCode.ShouldBe(0);
        WaitFor(NativeFolder(copy) + ".failed", "the failure's marker");

        var second = Run(["--help"], Native(dotnet), copy, Path.Combine(copy, "build.sh"));
        second.ExitCode.ShouldBe(0, second.Output);
        second.Output.ShouldStartWith(
            "note: the native build did not compile (.nuke/temp/native.log); runs use the dotnet build\nUsage:");
        File.ReadAllText(Path.Combine(copy, ".nuke", "temp", "native.log")).ShouldContain("a native build failure");

        var third = Run(["--help"], Native(dotnet), copy, Path.Combine(copy, "build.sh"));
        third.Output.ShouldStartWith("Usage: ./build.sh");
        File.ReadAllLines(Path.Combine(fakes, "native-publishes")).Length.ShouldBe(1);
        Directory.Exists(NativeFolder(copy)).ShouldBeFalse();
    }

    [Fact]
    public void On_a_ci_server_no_native_build_is_compiled()
    {
        var copy = CopyWithCompiledBuild();
        var fakes = TempDirectory("fake-dotnet-");
        var environment = Native(FakeDotnet(fakes));
        environment["JENKINS_URL"] = "http://jenkins.example/";

        var run = Run(["--help"], environment, copy, Path.Combine(copy, "build.sh"));
        run.ExitCode.ShouldBe(0, run.Output);
        run.Output.ShouldStartWith("Usage: ./build.sh");
        File.Exists(Path.Combine(fakes, "native-publishes")).ShouldBeFalse();
    }
}
