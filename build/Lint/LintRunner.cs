using System.Diagnostics;
using Serilog;
using TvmBuild.Engine;

namespace TvmBuild.Lint;

/// <summary>Runs linters in parallel (bounded by cores): each on the files its filter takes, in C# or as its
/// tool.</summary>
public static class LintRunner
{
    private const int FilesPerCall = 400;

    public static async Task<List<LintResult>> Run(ProcessRunner runner, IReadOnlyList<Linter> linters,
        IReadOnlyList<LintFile> files, AbsolutePath root, string python, bool fix)
    {
        if (runner.DryRun) // nothing runs: one line per linter, in the catalog's order
        {
            var planned = new List<LintResult>();
            foreach (var linter in linters)
            {
                var matching = files.Where(linter.Filter.Matches).ToList();
                planned.Add(await RunOne(runner, linter, matching, root, python, fix));
            }
            return planned;
        }
        // Fixers rewrite files, so they take turns, as pre-commit's hooks do; checkers run in parallel.
        using var slots = new SemaphoreSlim(fix ? 1 : Environment.ProcessorCount);
        var tasks = linters.Select(async linter =>
        {
            await slots.WaitAsync(runner.Cancellation);
            try { return await RunOne(runner, linter, files.Where(linter.Filter.Matches).ToList(), root, python, fix); }
            finally { slots.Release(); }
        });
        return [.. await Task.WhenAll(tasks)];
    }

    private static async Task<LintResult> RunOne(ProcessRunner runner, Linter linter, List<LintFile> files,
        AbsolutePath root, string python, bool fix)
    {
        var clock = Stopwatch.StartNew();
        // pre-commit skips a hook no file matches, pass_filenames or not, unless it is always_run.
        if (files.Count == 0 && !linter.AlwaysRun)
            return new(linter, 0, LintOutcome.Empty, clock.Elapsed, LintStatus.NoFiles, Version: linter.Version);
        if (linter.Action is NativeAction && runner.DryRun)
        {
            var count = files.Count == 1 ? "1 file" : $"{files.Count} files";
            Console.Out.WriteLine($"# would run {linter.Id} on {count}{(fix ? ", fixing them" : "")}");
            return new(linter, files.Count, LintOutcome.Empty, clock.Elapsed, LintStatus.DryRun);
        }
        if (linter.Action is NativeAction native)
            return Done(linter, files.Count, await Task.Run(() => native.Run(files, fix)), clock, linter.Version);
        var tool = (ToolAction)linter.Action;
        var executable = tool.Available == false ? null
            : runner.InContainer ? tool.Tool : ToolResolver.TryFind(tool.Tool);
        // Under --dry-run the needs are not probed: that would start Python.
        var missing = executable is null ? tool.Tool
            : runner.DryRun ? null : await ToolChecks.Missing(runner, tool, root, python);
        if (missing is not null)
            return new(linter, files.Count, LintOutcome.Empty, clock.Elapsed, LintStatus.Missing,
                $"{missing.Split(':').Last()} missing: {tool.InstallHint}", linter.Version ?? ToolChecks.PinOnly(tool));
        if (fix && tool.Fix is null) fix = false; // a checker without a fixer still checks
        var version = linter.Version
            ?? (runner.DryRun ? null : await ToolChecks.Version(runner, executable!, tool, root));
        var before = fix ? await FixWitness.Snapshot(runner, root, files) : null;
        var run = await RunTool(runner, linter, tool, executable!, files, root, fix);
        if (runner.DryRun) // the commands were printed, not run
            return new(linter, files.Count, LintOutcome.Empty, clock.Elapsed, LintStatus.DryRun, Version: version);
        var fixedFiles = before is null ? [] : await before.Changed();
        // A fixer that changed files and exits 1 (as ruff does while findings remain) has said it fixed something.
        var problems = fixedFiles.Count == 0 ? run.Problems
            : run.Problems.Where(p => !(p.Path == "" && p.Message.StartsWith("fixing exited with code 1:"))).ToList();
        if (run.Crashed.Count > 0)
            return new(linter, files.Count, new(problems, fixedFiles), clock.Elapsed, LintStatus.Crashed,
                string.Join("; ", run.Crashed), version);
        foreach (var (path, reason) in run.NotChecked)
            Log.Warning("{Linter}: {Path} not checked: {Reason}", linter.Id, path, reason);
        var notChecked = run.NotChecked.Count switch
        {
            0 => null,
            1 => "1 file not checked",
            var n => $"{n} files not checked",
        };
        return Done(linter, files.Count, new(problems, fixedFiles), clock, version) with { Detail = notChecked };
    }

    private sealed record ToolRun(List<LintProblem> Problems, List<string> Crashed,
        List<(string Path, string Reason)> NotChecked);

    /// <summary>The tool on the files, in chunks when they are passed: its findings, or one finding of the linter when
    /// it failed without any (as pre-commit shows a failing hook's output). Only a tool that did not run (not found,
    /// not executable, killed by a signal) crashed.</summary>
    private static async Task<ToolRun> RunTool(ProcessRunner runner, Linter linter, ToolAction tool, string executable,
        List<LintFile> files, AbsolutePath root, bool fix)
    {
        var run = new ToolRun([], [], []);
        var chunks = tool.PassFilenames ? files.Chunk(FilesPerCall).ToList() : [[.. files]];
        foreach (var chunk in chunks)
        {
            var arguments = (fix ? tool.Fix! : tool.Check)
                .SelectMany(a => a == "{files}" ? chunk.Select(f => f.Path) : [a]).ToList();
            var environment = tool.Environment?.ToDictionary(p => p.Key, p => (string?)p.Value);
            var result = await runner.RunAsync(new Command(executable, arguments, root, environment),
                new RunOptions { AllowFailure = true, Quiet = true });
            var found = tool.Output.Parse(result.Output, linter.Id, path => Relative(root, path));
            run.NotChecked.AddRange(OutputParser.NotChecked(result.Output));
            var foundAnywhere = found.Count;
            if (tool.KeepOnlyItsFiles) found = found.Where(p => files.Any(f => f.Path == p.Path)).ToList();
            if (result.ExitCode is 126 or 127 or > 128 or < 0)
                run.Crashed.Add($"{tool.Tool} exited with code {result.ExitCode}: {Tail(result.Output)}");
            else if (result.ExitCode != 0 && foundAnywhere == 0)
                found.Add(LintProblem.OfLinter(linter.Id,
                    $"{(fix ? "fixing " : "")}exited with code {result.ExitCode}: {Tail(result.Output)}"));
            run.Problems.AddRange(found);
        }
        return run;
    }

    private static LintResult Done(Linter linter, int files, LintOutcome outcome, Stopwatch clock, string? version) =>
        new(linter, files, outcome, clock.Elapsed,
            outcome.Problems.Count > 0 ? LintStatus.Problems
                : outcome.Fixed.Count > 0 ? LintStatus.Fixed : LintStatus.Passed,
            Version: version);

    private static string Relative(AbsolutePath root, string path) =>
        Path.IsPathRooted(path) ? Path.GetRelativePath(root, path) : path.StartsWith("./") ? path[2..] : path;

    private static string Tail(string output) =>
        string.Join(" | ", output.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(5));
}
