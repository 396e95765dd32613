using System.Text.RegularExpressions;
using Serilog;
using TvmBuild.Docs;
using TvmBuild.Engine;
using TvmBuild.Tools;
using TvmBuild.Tvm;
using PythonTool = TvmBuild.Tools.Python;

/// <summary>TVM's documentation with Sphinx, as task_python_docs.sh builds it (quick by default: the tutorial gallery
/// is not executed), CppDocs with doxygen, and --serve: the pages on loopback, rebuilt and reloaded on every
/// change.</summary>
interface IDocs : ICompile
{
    [Parameter("Docs: execute the whole tutorial gallery (TVM_TUTORIAL_EXEC_PATTERN=.*) instead of the quick build.",
        For = [nameof(Docs)])]
    bool Full => TryGetValue<bool?>(() => Full) ?? false;

    [Parameter("Docs: execute only the tutorials matching this pattern.", For = [nameof(Docs)])]
    string? TutorialPattern => TryGetValue(() => TutorialPattern);

    [Parameter("Docs: Sphinx's parallel jobs, a number or auto (one per core), as task_python_docs.sh's gallery " +
               "build runs (-j auto); default: one.", For = [nameof(Docs)])]
    string? SphinxJobs => TryGetValue(() => SphinxJobs);

    [Parameter("Docs: fail when Sphinx warns (what CI checks).", For = [nameof(Docs)])]
    bool WarningsAsErrors => TryGetValue<bool?>(() => WarningsAsErrors) ?? false;

    [Parameter("Docs: serve the pages and rebuild them when the sources change; Ctrl-C stops.", For = [nameof(Docs)])]
    bool Serve => TryGetValue<bool?>(() => Serve) ?? false;

    [Parameter("Docs --serve: the port.", Minimum = 1, Maximum = 65535, For = [nameof(Docs)])]
    int Port => TryGetValue<int?>(() => Port) ?? 8000;

    AbsolutePath DocsOutput => BuildDirectory / "docs" / "html";

    Target Docs => _ => _
        .Description("Builds TVM's docs with Sphinx (task_python_docs.sh); --serve serves them with live reload")
        .Needs(Requirements.Sphinx)
        .DependsOn(Compile)
        .RequiresThat(() => Serve ? DocsServer.CannotServeOn(ServeAddress, Port, tryBind: !Runner.DryRun) : null)
        .RequiresThat(() => SphinxJobs is { } jobs && !ValidJobs(jobs)
            ? $"--sphinx-jobs '{jobs}' is neither a number nor auto: give auto (one per core) or a number, " +
              "e.g. --sphinx-jobs 4."
            : null)
        .Inputs(() => DocsInputs)
        .Executes(async () =>
        {
            var sources = TvmRoot / "docs";
            if (!(sources / "conf.py").FileExists())
                throw new BuildFailure($"{TvmRoot} has no docs/conf.py.",
                    "Point --tvm-home at a TVM tree with its docs/ folder.");
            var python = Runner.DryRun || Runner.InContainer ? (Python ?? "python3")
                : PythonTool.Find(Runner, Python, "sphinx");
            var first = BuildDocs(python, sources, fresh: true);
            if (!Serve)
            {
                if (first is { } error) throw new BuildFailure($"Sphinx failed: {error}");
                return;
            }
            if (first is { } failed) throw new BuildFailure($"Sphinx failed, nothing to serve: {failed}");
            await ServeDocs(python, sources);
        });

    /// <summary>The docs' key: the pages and tutorials, TVM's Python package (its docstrings; the build through
    /// Compile's key), what to execute and how strictly, and Sphinx; the HTML is what a reuse restores. --serve is
    /// never reused: it serves until Ctrl-C.</summary>
    StepInputs? DocsInputs
    {
        get
        {
            if (Serve) return null;
            string[] tools = [Python ?? "python3", "sphinx-build"];
            var inputs = StepInputsOf(["docs", "gallery", "tutorials", "vta/tutorials", "python"], [],
                ("tutorials", TutorialPattern ?? (Full ? ".*" : "none")), ("sphinx jobs", SphinxJobs),
                ("warnings as errors", WarningsAsErrors.ToString()),
                ("tools", Runner.InContainer ? null : string.Join("; ", tools.Select(ToolStamp))));
            return inputs with { Outputs = ["docs/html/**"], NeedsOutputs = true };
        }
    }

    Target CppDocs => _ => _
        .Description("Builds TVM's C++ API docs with doxygen (the Makefile's cppdoc)")
        .Needs(Requirements.Doxygen)
        .Executes(() =>
        {
            if (!(TvmRoot / "docs" / "Doxyfile").FileExists())
                throw new BuildFailure($"{TvmRoot} has no docs/Doxyfile.");
            Runner.Run(new Command(Runner.Find("doxygen", Packages.Hint("doxygen")), ["docs/Doxyfile"], TvmRoot));
        });

    /// <summary>One Sphinx run into the build directory; returns null on success, else the error. A fresh run re-reads
    /// every page (so every warning is counted, as CI's clean build does); --serve's rebuilds are
    /// incremental.</summary>
    string? BuildDocs(string python, AbsolutePath sources, bool fresh)
    {
        var staging = BuildDirectory / "docs" / "_staging";
        if (!Runner.DryRun) DocsStaging.Sync(sources, staging);
        var pattern = TutorialPattern ?? (Full ? ".*" : "none");
        var environment = new Dictionary<string, string?>
        {
            ["PYTHONPATH"] = TvmRoot / "python",
            ["TVM_LIBRARY_PATH"] = BuildDirectory,
            ["TVM_TUTORIAL_EXEC_PATTERN"] = pattern,
            ["TVM_BIND_THREADS"] = "0",
            ["OMP_NUM_THREADS"] = "1",
        };
        string[] jobs = SphinxJobs is { } j ? ["-j", j] : [];
        var command = new Command(python,
            ["-m", "sphinx", "-b", "html", .. fresh ? new[] { "-E" } : [], .. jobs,
                "-d", BuildDirectory / "docs" / "doctrees", staging, DocsOutput],
            staging, environment);
        // task_python_docs.sh installs tvm-ffi into python/ first, as the unit tests do (TVM main).
        if (fresh && Layout.Unittest?.InstallFfi is { } ffi) TvmFfi.Install(Runner, TvmRoot, python, ffi, environment);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = Runner.Run(command, RunOptions.MayFail);
        if (Runner.DryRun) return null;
        var warnings = SphinxWarnings.Of(result.Output, staging, sources, Layout.Docs?.IgnoredWarnings ?? []);
        Log.Information("Sphinx {Kind} build took {Milliseconds} ms",
            fresh ? "full" : "incremental", clock.ElapsedMilliseconds);
        foreach (var warning in warnings) Log.Warning("{Warning}", warning);
        // A failed build has no count to give; with --serve the line about the pages still served stays.
        if (result.ExitCode != 0 || Regex.IsMatch(result.Output, "failed to execute|Segmentation fault"))
            return string.Join(" ", result.Output.Split('\n')
                    .Where(l => l.Contains("ERROR") || l.Contains("Error") || l.Contains("failed"))
                    .TakeLast(3).Select(l => l.Trim()))
                is { Length: > 0 } error ? error : $"exit code {result.ExitCode}";
        // An incremental build re-reads only the changed pages, so it sees only their warnings.
        var count = TestSummary.Plural(warnings.Count, "warning") + (fresh ? "" : " in the pages rebuilt last");
        ReportSummary("Docs", $"{DocsOutput}/index.html, {count} (tutorials: {pattern})");
        if (WarningsAsErrors && warnings.Count > 0)
            return $"{TestSummary.Plural(warnings.Count, "warning")} (--warnings-as-errors)";
        return null;
    }

    static bool ValidJobs(string jobs) => jobs == "auto" || Regex.IsMatch(jobs, "^[1-9][0-9]{0,3}$");

    async Task ServeDocs(string python, AbsolutePath sources)
    {
        if (Runner.DryRun)
        {
            Console.Out.WriteLine($"# would serve {DocsOutput} on http://{ServeAddress}:{Port}/ " +
                                  $"and rebuild on changes of {sources}");
            return;
        }
        await using var server = await DocsServer.Start(DocsOutput, ServeAddress, Port);
        Log.Information("Serving {Url} (Ctrl-C stops); rebuilding when {Sources} changes", server.Url, sources);
        Console.Out.WriteLine($"Docs: {server.Url}");
        using var watcher = new DocsWatcher(sources, TimeSpan.FromMilliseconds(300));
        try
        {
            while (true)
            {
                await watcher.WaitForChange(Runner.Cancellation);
                Log.Information("Sources changed: rebuilding");
                if (BuildDocs(python, sources, fresh: false) is { } error)
                {
                    Log.Error("Rebuild failed, still serving the last good pages: {Error}", error);
                    server.Notify("failed", error);
                }
                else server.Notify("reload");
            }
        }
        catch (OperationCanceledException) when (Runner.Cancellation.IsCancellationRequested)
        {
            Log.Information("Stopped serving");
        }
    }

    /// <summary>--host doubles as the address to bind when it is not a CI host name (Terminal, CI, Jenkins,
    /// GitHubActions).</summary>
    string ServeAddress =>
        HostName is { } name && !Host.Names.Contains(name, StringComparer.OrdinalIgnoreCase) ? name : "127.0.0.1";
}
