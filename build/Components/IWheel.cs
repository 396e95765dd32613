using Serilog;
using TvmBuild.Engine;
using TvmBuild.Tools;

/// <summary>TVM's Python wheel, as main.yml builds and tests it on macOS and Windows: pip builds it with
/// scikit-build-core (--cmake-option values as CMAKE_ARGS, the cores as CMAKE_BUILD_PARALLEL_LEVEL), installs it with
/// the test requirements, and pytest runs the given tests against the installed package, one run per path.</summary>
interface IWheel : ITest
{
    [Parameter("InstallWheel: Python packages to install with the wheel (main.yml's test dependencies).",
        For = [nameof(InstallWheel)])]
    string[] TestRequirements => TryGetValue(() => TestRequirements) ?? [];

    AbsolutePath WheelDirectory => TvmRoot / "dist";

    /// <summary>The interpreter of the job's environment (conda's on TVM's macOS and Windows runners).</summary>
    string WheelPython => Python ?? (OperatingSystem.IsWindows() && !Runner.InContainer ? "python" : "python3");

    Target Wheel => _ => _
        .Description("Builds TVM's Python wheel into dist/ with pip and scikit-build-core, as main.yml does")
        .Needs(Requirements.Pip)
        .Executes(() =>
        {
            // scikit-build-core splits CMAKE_ARGS as a shell would: each definition is one word.
            var definitions = CMakeOptions.Select(ParseOption).Select(o => Command.Quote($"-D{o.Key}={o.Value}"));
            var cmakeArgs = string.Join(" ", definitions);
            var environment = new Dictionary<string, string?>
            {
                ["CMAKE_ARGS"] = cmakeArgs,
                ["CMAKE_BUILD_PARALLEL_LEVEL"] = (Parallel ?? Environment.ProcessorCount).ToString(),
            };
            Runner.Run(new Command(WheelPython, ["-m", "pip", "install", "scikit-build-core"], TvmRoot));
            string[] wheel = ["-m", "pip", "wheel", "--no-deps", "-w", WheelDirectory, ".", "-v"];
            Runner.Run(new Command(WheelPython, wheel, TvmRoot, environment),
                new RunOptions { FailureHint = "pip's and CMake's output is above." });
        });

    Target InstallWheel => _ => _
        .Description("Installs the wheel of dist/ (and --test-requirements) into the Python environment")
        .Needs(Requirements.Pip)
        .DependsOn(Wheel)
        .Executes(() =>
        {
            if (TestRequirements.Length > 0)
                Runner.Run(new Command(WheelPython, ["-m", "pip", "install", .. TestRequirements], TvmRoot));
            // The newest wheel: pip wheel writes one per build; older ones may lie beside it.
            var newest = WheelDirectory.DirectoryExists()
                ? WheelDirectory.GlobFiles("*.whl").MaxBy(f => File.GetLastWriteTimeUtc(f)) : null;
            var wheel = Runner.DryRun ? WheelDirectory / "apache_tvm-*.whl"
                : newest ?? throw new BuildFailure($"No wheel in {WheelDirectory}.", "Run the Wheel target first.");
            var ffi = FfiVersion();
            Runner.Run(new Command(WheelPython, ["-m", "pip", "install", "--no-deps", wheel], TvmRoot));
            if (ffi is not null) CheckFfiKept(ffi);
        });

    /// <summary>The installed apache-tvm-ffi's version; null when none is (or in a dry run).</summary>
    string? FfiVersion()
    {
        if (Runner.DryRun) return null;
        const string script = "from importlib.metadata import version; print(version('apache-tvm-ffi'))";
        var probe = Runner.Probe(new Command(WheelPython, ["-c", script], TvmRoot), RunOptions.MayFail);
        return probe.ExitCode == 0 ? probe.Output.Trim() : null;
    }

    /// <summary>main.yml's assertion: the wheel keeps the source-matched tvm-ffi the environment has (it installs
    /// with --no-deps) and declares its dependency on apache-tvm-ffi.</summary>
    void CheckFfiKept(string before)
    {
        if (FfiVersion() is { } after && after != before)
            throw new BuildFailure($"Installing the wheel replaced apache-tvm-ffi {before} with {after}.",
                "The wheel must keep the tvm-ffi built from 3rdparty/tvm-ffi; install it with --no-deps.");
        const string script = "from importlib.metadata import requires; " +
                              "print('\\n'.join(requires('apache-tvm') or []))";
        var requires = Runner.Probe(new Command(WheelPython, ["-c", script], TvmRoot), RunOptions.MayFail);
        if (requires.ExitCode != 0 || !requires.Output.Split('\n').Any(r => r.Trim().StartsWith("apache-tvm-ffi")))
            throw new BuildFailure("The installed apache-tvm wheel does not require apache-tvm-ffi.",
                "Check the dependencies in pyproject.toml (main.yml asserts that apache-tvm-ffi is one).");
        Log.Information("apache-tvm-ffi {Version} kept; the wheel requires it", before);
    }

    Target WheelTest => _ => _
        .Description("Runs pytest on --tests (default: the all-platform minimal tests) against the installed wheel")
        .Needs(Requirements.Pytest)
        .After(InstallWheel)
        .Executes(() =>
        {
            string[] paths = Tests.Length > 0 ? Tests : ["tests/python/all-platform-minimal-test"];
            var failed = new List<string>();
            foreach (var path in paths)
            {
                var pytest = new Command(WheelPython, ["-m", "pytest", "-v", path], TvmRoot);
                var result = Runner.Run(pytest, RunOptions.MayFail);
                if (result.ExitCode != 0) failed.Add($"{path} (pytest exit {result.ExitCode})");
            }
            if (failed.Count > 0)
                throw new BuildFailure(
                    $"{failed.Count} of {paths.Length} pytest runs failed: {string.Join("; ", failed)}.",
                    "Their output is above; rerun one with --tests <path>.");
            Log.Information("{Count} pytest runs passed against the installed wheel", paths.Length);
        });
}
