using Serilog;
using TvmBuild.Engine;
using TvmBuild.Tools;
using TvmBuild.Tvm;
using PythonTool = TvmBuild.Tools.Python;

/// <summary>TVM's Python suites, as task_python_unittest.sh / task_python_integration.sh run them at the tree's ref.</summary>
interface ITest : ICompile
{
    [Parameter("Test paths to run instead of the suite's own (relative to the TVM tree).",
        For = [nameof(UnitTest), nameof(IntegrationTest), "WheelTest"])]
    string[] Tests => TryGetValue(() => Tests) ?? [];

    [Parameter("Only tests matching this pytest -k expression.")]
    string? TestFilter => TryGetValue(() => TestFilter);

    Target UnitTest => _ => _
        .Description("Runs TVM's Python unit tests (task_python_unittest.sh)")
        .DependsOn(Compile)
        .Executes(() => RunSuite(Layout.Unittest, "unit tests"));

    Target IntegrationTest => _ => _
        .Description("Runs TVM's Python integration tests (task_python_integration.sh)")
        .DependsOn(Compile)
        .Executes(() => RunSuite(Layout.Integration, "integration tests"));

    void RunSuite(TestSuite? suite, string what)
    {
        if (suite is null)
            throw new BuildFailure($"The {Layout.Name} layout of TVM has no {what} script; its tests run under UnitTest.");
        // In a container the image's python3 is the interpreter, as in TVM's CI; probes below run there too.
        var python = ProcessTasks.DryRun || ToolResolver.InContainer ? (Python ?? "python3") : PythonTool.FindWithPytest(Python);
        var variables = new Dictionary<string, string>(Variables) { ["PYTHON"] = python };
        var environment = new Dictionary<string, string?>
        {
            ["PYTHONPATH"] = TvmRoot / "python",
            ["TVM_LIBRARY_PATH"] = BuildDirectory,
            ["PYTEST_ADDOPTS"] = string.Join(" ", new[] { suite.AddoptsPrefix, Env("CI_PYTEST_ADD_OPTIONS"), Env("PYTEST_ADDOPTS") }
                .Where(s => !string.IsNullOrWhiteSpace(s))),
        };
        foreach (var (key, value) in suite.Environment) environment[key] = Layouts.Expand(value, variables, suite.Script);
        // CiTask --shard sets these for TVM's pytest plugin; say them explicitly so they reach a container too.
        foreach (var shard in new[] { "TVM_SHARD_INDEX", "TVM_NUM_SHARDS" })
            if (Env(shard) is { } value) environment[shard] = value;

        foreach (var step in suite.Prepare) RunStep(step, variables, environment, suite.Script);
        if (suite.InstallFfi is { } ffi) InstallFfi(python, ffi, environment);

        var results = BuildDirectory / "pytest-results";
        if (!ProcessTasks.DryRun) results.CreateDirectory();
        string[] parallel = suite.Xdist is { } workers && (ProcessTasks.DryRun || PythonTool.CanImport(python, "xdist")) ? ["-n", workers] : [];
        var runs = Tests.Length == 0 ? suite.Suites : [Narrowed(suite.Suites[0])];
        var failed = new List<string>();
        foreach (var run in runs)
        {
            var junit = results / $"{run.Name}.xml";
            var args = new List<string> { "-m", "pytest" };
            args.AddRange(parallel);
            args.AddRange(run.Args.Select(a => Layouts.Expand(a, variables, suite.Script)));
            if (TestFilter is not null) args.AddRange(["-k", TestFilter]);
            args.AddRange(["-o", $"junit_suite_name={run.Name}", $"--junit-xml={junit}"]);
            if (run.Ffi is not null) args.Add($"--junit-prefix={run.Ffi}");
            var runEnvironment = new Dictionary<string, string?>(environment);
            if (run.Ffi is not null) runEnvironment["TVM_FFI"] = run.Ffi;
            foreach (var (key, value) in run.Environment) runEnvironment[key] = Layouts.Expand(value, variables, suite.Script);
            var result = ProcessTasks.Run(new Command(python, args, TvmRoot, runEnvironment), allowFailure: true);
            if (result.ExitCode != 0)
                failed.Add($"{run.Name} (pytest exit {result.ExitCode}{(result.ExitCode == 5 ? ": no tests collected" : "")}; JUnit: {junit})");
        }
        if (failed.Count > 0)
            throw new BuildFailure($"{failed.Count} of {runs.Count} pytest runs failed: {string.Join("; ", failed)}.",
                "Rerun one with --tests <path> and --test-filter <expr>.");
    }

    /// <summary>With --tests, the first suite's options run on the given paths instead of its own.</summary>
    PytestRun Narrowed(PytestRun first) => new()
    {
        Name = $"{first.Name}-selected",
        Ffi = first.Ffi,
        Environment = first.Environment,
        Args = [.. first.Args.Where(a => !IsTestPath(a)), .. Tests],
    };

    bool IsTestPath(string argument) => !argument.StartsWith('-') && (TvmRoot / argument.Split("::")[0]).Exists();

    void RunStep(Step step, IReadOnlyDictionary<string, string> variables, IReadOnlyDictionary<string, string?> environment, string context)
    {
        var run = step.Run.Select(a => Layouts.Expand(a, variables, context)).ToList();
        var directory = step.Cwd is null ? BuildDirectory : AbsolutePath.Create(Path.Combine(TvmRoot, Layouts.Expand(step.Cwd, variables, context)));
        string executable = run[0].StartsWith("./") ? directory / run[0][2..] : run[0];
        ProcessTasks.Run(new Command(executable, run.Skip(1).ToList(), directory, environment));
    }

    void InstallFfi(string python, string ffi, IReadOnlyDictionary<string, string?> environment)
    {
        if (!(TvmRoot / ffi / "pyproject.toml").FileExists()) return;
        if (!ProcessTasks.DryRun && ProcessTasks.Run(new Command(python, ["-c", "import tvm_ffi"], TvmRoot, environment), allowFailure: true, probe: true).ExitCode == 0)
        {
            Log.Information("tvm_ffi is importable already; not reinstalling {Ffi}", ffi);
            return;
        }
        // task_python_unittest.sh: uv pip install -v --target=python ./3rdparty/tvm-ffi/
        var command = ToolResolver.TryFind("uv") is { } uv
            ? new Command(uv, ["pip", "install", "-v", "--target=python", $"./{ffi}/"], TvmRoot, environment)
            : new Command(python, ["-m", "pip", "install", "-v", "--target=python", $"./{ffi}/"], TvmRoot, environment);
        ProcessTasks.Run(command, failureHint: "Building tvm-ffi needs its Python build tools (scikit-build-core, from PyPI); without them use --docker ci_cpu.");
    }

    static string? Env(string name) => Environment.GetEnvironmentVariable(name);
}
