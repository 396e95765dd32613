using Serilog;
using TvmBuild.Engine;
using TvmBuild.Tools;
using TvmBuild.Tvm;
using PythonTool = TvmBuild.Tools.Python;

/// <summary>TVM's Python suites, as task_python_unittest.sh / task_python_integration.sh run them at the tree's
/// ref.</summary>
interface ITest : ICompile, IHazTests, IHazChanges, IHazStepInputs
{
    [Parameter("UnitTest: only the test files changed against --base, plus untracked ones (see --changed); when " +
               "none changed, nothing runs and UnitTest succeeds.", For = [nameof(UnitTest)])]
    bool ChangedOnly => TryGetValue<bool?>(() => ChangedOnly) ?? false;

    [Parameter("Test paths or pytest node ids to run instead of the suite's own (relative to the TVM tree).",
        For = [nameof(UnitTest), nameof(IntegrationTest), "WheelTest"])]
    string[] Tests => TryGetValue(() => Tests) ?? [];

    Target UnitTest => _ => _
        .Description("Runs TVM's Python unit tests (task_python_unittest.sh)")
        .Needs(Requirements.Pytest)
        .DependsOn(Compile)
        .RequiresThat(() => Runner.DryRun ? null : MissingTestPath())
        .TakesArguments()
        .Inputs(() => SuiteInputs(Layout.Unittest))
        .Executes(() => RunSuite(Layout.Unittest, "UnitTest", "unit tests"));

    Target IntegrationTest => _ => _
        .Description("Runs TVM's Python integration tests (task_python_integration.sh)")
        .Needs(Requirements.Pytest)
        .DependsOn(Compile)
        .RequiresThat(() => Runner.DryRun ? null : MissingTestPath())
        .TakesArguments()
        .Inputs(() => SuiteInputs(Layout.Integration))
        .Executes(() => RunSuite(Layout.Integration, "IntegrationTest", "integration tests"));

    /// <summary>A suite's key: TVM's Python package and tests (and the build, through Compile's key), the
    /// selection, the suite as layouts.yaml runs it, and the interpreter; its outputs are its JUnit files.</summary>
    StepInputs? SuiteInputs(TestSuite? suite) => suite is null || Changed || ChangedOnly ? null // runs what changed now
        : StepInputsOf(["python", "tests/python", "pyproject.toml", "pytest.ini", "conftest.py"],
            [Python ?? "python3"],
            ("tests", string.Join(" ", Tests)), ("test filter", TestFilter),
            ("arguments", string.Join("\0", TestArguments)),
            ("suite", string.Join(";", suite.Suites.Select(s => $"{s.Name}:{string.Join(" ", s.Args)}"))))
        with
        {
            Outputs = Tests.Length == 0 ? [.. suite.Suites.Select(s => $"pytest-results/{s.Name}.xml")]
            : [$"pytest-results/{suite.Suites[0].Name}-selected.xml"]
        };

    void RunSuite(TestSuite? suite, string target, string what)
    {
        if (suite is null)
            throw new BuildFailure(
                $"The {Layout.Name} layout of TVM has no {what} script; its tests run under UnitTest.");
        // --dry-run still shows the commands (as for a CMake too old), and says what a real run would refuse.
        if (Runner.DryRun && MissingTestPath() is { } missing) Log.Warning("{Missing}: a real run stops here", missing);
        var runs = Tests.Length == 0 ? suite.Suites : [Narrowed(suite.Suites[0])];
        if (target == "UnitTest" && (Changed || ChangedOnly)) runs = ChangedFirst(suite.Suites);
        if (runs.Count == 0) return; // --changed-only, and no test file changed: the summary says so

        // In a container the image's python3 is the interpreter, as in TVM's CI; probes below run there too.
        var python = Runner.DryRun || Runner.InContainer
            ? (Python ?? "python3")
            : PythonTool.FindWithPytest(Runner, Python);
        var variables = new Dictionary<string, string>(Variables) { ["PYTHON"] = python };
        var environment = new Dictionary<string, string?>
        {
            ["PYTHONPATH"] = TvmRoot / "python",
            ["TVM_LIBRARY_PATH"] = BuildDirectory,
            ["PYTEST_ADDOPTS"] = string.Join(" ",
                new[] { suite.AddoptsPrefix, Env("CI_PYTEST_ADD_OPTIONS"), Env("PYTEST_ADDOPTS") }
                    .Where(s => !string.IsNullOrWhiteSpace(s))),
        };
        foreach (var (key, value) in suite.Environment)
            environment[key] = Layouts.Expand(value, variables, suite.Script);
        // CiTask --shard sets these for TVM's pytest plugin; say them explicitly so they reach a container too.
        foreach (var shard in new[] { "TVM_SHARD_INDEX", "TVM_NUM_SHARDS" })
            if (Env(shard) is { } value) environment[shard] = value;

        foreach (var step in suite.Prepare)
            ScriptSteps.Run(Runner, step, TvmRoot, BuildDirectory, variables, environment, suite.Script);
        if (suite.InstallFfi is { } ffi) TvmFfi.Install(Runner, TvmRoot, python, ffi, environment);

        var resultsDirectory = BuildDirectory / "pytest-results";
        if (!Runner.DryRun) resultsDirectory.CreateDirectory();
        string[] parallel =
            suite.Xdist is { } workers && (Runner.DryRun || PythonTool.CanImport(Runner, python, "xdist"))
                ? ["-n", workers]
                : [];
        var failed = new List<string>();
        var results = new List<SuiteResult>();
        foreach (var run in runs)
        {
            var junit = resultsDirectory / $"{run.Name}.xml";
            var args = new List<string> { "-m", "pytest" };
            args.AddRange(parallel);
            args.AddRange(run.Args.Select(a => Layouts.Expand(a, variables, suite.Script)));
            if (TestFilter is not null) args.AddRange(["-k", TestFilter]);
            args.AddRange(TestArguments);
            args.AddRange(["-o", $"junit_suite_name={run.Name}", $"--junit-xml={junit}"]);
            if (run.Ffi is not null) args.Add($"--junit-prefix={run.Ffi}");
            var runEnvironment = new Dictionary<string, string?>(environment);
            if (run.Ffi is not null) runEnvironment["TVM_FFI"] = run.Ffi;
            foreach (var (key, value) in run.Environment)
                runEnvironment[key] = Layouts.Expand(value, variables, suite.Script);
            var started = DateTime.UtcNow.AddSeconds(-1);
            var result = Runner.Run(new Command(python, args, TvmRoot, runEnvironment), RunOptions.MayFail);
            var read = Runner.DryRun ? null
                : JUnit.Read(junit, run.Name, TestFramework.Pytest, TvmRoot, run.Ffi, started);
            if (read is not null) results.Add(read);
            if (result.ExitCode != 0)
                failed.Add($"{run.Name} ({PytestExit.Describe(result.ExitCode, result.Output, read)}" +
                    (read is null ? "; it wrote no JUnit XML)" : $"; JUnit: {junit})"));
        }
        ReportTests(target, results, ids => ["--tests", .. ids]);
        if (failed.Count > 0)
            throw new BuildFailure($"{failed.Count} of {runs.Count} pytest runs failed: {string.Join("; ", failed)}.",
                results.Any(r => r.Failed > 0)
                    ? "The failed tests, and one command that reruns them, are listed under the table."
                    : "pytest's output above says why.");
    }

    /// <summary>--changed: the changed test files first (or alone), said under the summary.</summary>
    List<PytestRun> ChangedFirst(List<PytestRun> runs)
    {
        if (Tests.Length > 0)
            throw new BuildFailure("--changed picks the test files itself; --tests names them.", "Give one of them.");
        var (selected, summary) = ChangedTests.Select(Runner, TvmRoot, BaseRef, runs, ChangedOnly, IsTestPath);
        Log.Information("UnitTest --changed: {Summary}", summary);
        ReportSummary("UnitTest --changed", summary);
        return selected;
    }

    /// <summary>A --tests path that is not in the tree would end in pytest's exit 4 after the build: say so
    /// first.</summary>
    string? MissingTestPath() => Tests.Length == 0 ? null
        : Tests.FirstOrDefault(t => !(TvmRoot / t.Split("::")[0]).Exists()) is { } missing
            ? $"--tests {missing}: no such file or folder in {TvmRoot}" : null;

    /// <summary>With --tests, the first suite's options run on the given paths instead of its own.</summary>
    PytestRun Narrowed(PytestRun first) => new()
    {
        Name = $"{first.Name}-selected",
        Ffi = first.Ffi,
        Environment = first.Environment,
        Args = [.. first.Args.Where(a => !IsTestPath(a)), .. Tests],
    };

    bool IsTestPath(string argument) => !argument.StartsWith('-') && (TvmRoot / argument.Split("::")[0]).Exists();

    static string? Env(string name) => Environment.GetEnvironmentVariable(name);
}
