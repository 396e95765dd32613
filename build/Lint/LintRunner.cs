using System.Diagnostics;
using Serilog;
using TvmBuild.Engine;

namespace TvmBuild.Lint;

public enum LintStatus { Passed, Problems, Fixed, NoFiles, Missing, Crashed, DryRun }

public sealed record LintResult(Linter Linter, int Files, LintOutcome Outcome, TimeSpan Duration, LintStatus Status, string? Detail = null,
    string? Version = null);

/// <summary>Runs linters in parallel (bounded by cores): each on the files its filter takes, in C# or as its tool.</summary>
public static class LintRunner
{
    private const int FilesPerCall = 400;

    public static async Task<List<LintResult>> Run(ProcessRunner runner, IReadOnlyList<Linter> linters, IReadOnlyList<LintFile> files, AbsolutePath root, string python, bool fix)
    {
        if (runner.DryRun) // nothing runs: one line per linter, in the catalog's order
        {
            var planned = new List<LintResult>();
            foreach (var linter in linters)
                planned.Add(await RunOne(runner, linter, files.Where(linter.Filter.Matches).ToList(), root, python, fix));
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

    private static async Task<LintResult> RunOne(ProcessRunner runner, Linter linter, List<LintFile> files, AbsolutePath root, string python, bool fix)
    {
        var clock = Stopwatch.StartNew();
        var passFilenames = linter.Action is not ToolAction { PassFilenames: false };
        // pre-commit skips a hook no file matches, pass_filenames or not, unless it is always_run.
        if (files.Count == 0 && !linter.AlwaysRun) return new(linter, 0, LintOutcome.Empty, clock.Elapsed, LintStatus.NoFiles, Version: linter.Version);
        if (linter.Action is NativeAction && runner.DryRun)
        {
            var count = files.Count == 1 ? "1 file" : $"{files.Count} files";
            Console.Out.WriteLine($"# would run {linter.Id} on {count}{(fix ? ", fixing them" : "")}");
            return new(linter, files.Count, LintOutcome.Empty, clock.Elapsed, LintStatus.DryRun);
        }
        if (linter.Action is NativeAction native)
        {
            var outcome = await Task.Run(() => native.Run(files, fix));
            return Done(linter, files.Count, outcome, clock, linter.Version);
        }
        var tool = (ToolAction)linter.Action;
        var executable = tool.Available == false ? null : runner.InContainer ? tool.Tool : ToolResolver.TryFind(tool.Tool);
        // Under --dry-run the needs are not probed: that would start Python.
        var missing = executable is null ? tool.Tool : runner.DryRun ? null : await Missing(runner, tool, root, python);
        if (missing is not null)
            return new(linter, files.Count, LintOutcome.Empty, clock.Elapsed, LintStatus.Missing, $"{missing.Split(':').Last()} missing: {tool.InstallHint}",
                linter.Version ?? (tool.Pinned is { } p ? $"pin {p}" : null));
        if (fix && tool.Fix is null) fix = false; // a checker without a fixer still checks
        var version = linter.Version ?? (runner.DryRun ? null : await Version(runner, executable!, tool, root));

        var before = fix ? await FixWitness.Snapshot(runner, root, files) : null;
        var problems = new List<LintProblem>();
        var crashed = new List<string>();
        var notChecked = new List<(string Path, string Reason)>();
        var chunks = passFilenames ? files.Chunk(FilesPerCall).ToList() : [[.. files]];
        foreach (var chunk in chunks)
        {
            var arguments = (fix ? tool.Fix! : tool.Check).SelectMany(a => a == "{files}" ? chunk.Select(f => f.Path) : [a]).ToList();
            var environment = tool.Environment?.ToDictionary(p => p.Key, p => (string?)p.Value);
            var result = await runner.RunAsync(new Command(executable!, arguments, root, environment), new RunOptions { AllowFailure = true, Quiet = true });
            var found = tool.Output.Parse(result.Output, linter.Id, path => Relative(root, path));
            notChecked.AddRange(OutputParser.NotChecked(result.Output));
            var foundAnywhere = found.Count;
            if (tool.KeepOnlyItsFiles) found = found.Where(p => files.Any(f => f.Path == p.Path)).ToList();
            // Only a tool that did not run crashed (not found, not executable, killed by a signal); any other failure
            // without file:line output is a finding of the linter, as pre-commit shows the hook's output.
            if (result.ExitCode is 126 or 127 or > 128 or < 0)
                crashed.Add($"{tool.Tool} exited with code {result.ExitCode}: {Tail(result.Output)}");
            else if (result.ExitCode != 0 && foundAnywhere == 0)
                found.Add(LintProblem.OfLinter(linter.Id, $"{(fix ? "fixing " : "")}exited with code {result.ExitCode}: {Tail(result.Output)}"));
            problems.AddRange(found);
        }
        if (runner.DryRun) // the commands were printed, not run
            return new(linter, files.Count, LintOutcome.Empty, clock.Elapsed, LintStatus.DryRun, Version: version);
        var fixedFiles = before is null ? [] : await before.Changed();
        // A fixer that changed files and exits 1 (as ruff does while findings remain) has said it fixed something.
        if (fixedFiles.Count > 0) problems = problems.Where(p => !(p.Path == "" && p.Message.StartsWith("fixing exited with code 1:"))).ToList();
        if (crashed.Count > 0) return new(linter, files.Count, new(problems, fixedFiles), clock.Elapsed, LintStatus.Crashed, string.Join("; ", crashed), version);
        foreach (var (path, reason) in notChecked) Log.Warning("{Linter}: {Path} not checked: {Reason}", linter.Id, path, reason);
        return Done(linter, files.Count, new(problems, fixedFiles), clock, version) with
        {
            Detail = notChecked.Count == 0 ? null : $"{notChecked.Count} {(notChecked.Count == 1 ? "file" : "files")} not checked",
        };
    }

    /// <summary>The tool's version, and the tree's pin beside it when they differ.</summary>
    private static async Task<string?> Version(ProcessRunner runner, string executable, ToolAction tool, AbsolutePath root)
    {
        if (tool.VersionArgs is null) return tool.Pinned is { } only ? $"pin {only}" : null;
        var result = await runner.ProbeAsync(new Command(executable, tool.VersionArgs, root,
            tool.Environment?.ToDictionary(p => p.Key, p => (string?)p.Value)), RunOptions.MayFail);
        var used = System.Text.RegularExpressions.Regex.Match(result.Output, @"\d+\.\d+(\.\d+)?").Value;
        if (used == "") return tool.Pinned is { } p ? $"pin {p}" : null;
        return tool.Pinned is null || tool.Pinned == used ? used : $"{used} (pin {tool.Pinned})";
    }

    /// <summary>The first unmet need of the tool, if any (checked on the host, or in the container in docker mode).</summary>
    private static async Task<string?> Missing(ProcessRunner runner, ToolAction tool, AbsolutePath root, string python)
    {
        // A command the lint shims provide (PATH's first folder) counts as found.
        var shims = tool.Environment?.GetValueOrDefault("PATH")?.Split(':')[0];
        foreach (var need in tool.Needs ?? [])
        {
            var (kind, name) = (need.Split(':', 2)[0], need.Split(':', 2)[1]);
            // In docker mode the image is asked, never this machine: the tool runs there.
            var met = kind switch
            {
                "command" when runner.InContainer =>
                    (await runner.ProbeAsync(new Command("sh", ["-c", "command -v \"$0\"", name], root), RunOptions.MayFail)).ExitCode == 0,
                "command" => ToolResolver.TryFind(name) is not null || File.Exists(Path.Combine(shims ?? "", name)),
                "file" when runner.InContainer =>
                    (await runner.ProbeAsync(new Command("test", ["-e", name], root), RunOptions.MayFail)).ExitCode == 0,
                "file" => File.Exists(Path.IsPathRooted(name) ? name : Path.Combine(root, name)),
                _ => (await runner.ProbeAsync(new Command(python, ["-c", $"import {name}"], root), RunOptions.MayFail)).ExitCode == 0,
            };
            if (!met) return need;
        }
        return null;
    }

    private static LintResult Done(Linter linter, int files, LintOutcome outcome, Stopwatch clock, string? version) =>
        new(linter, files, outcome, clock.Elapsed, outcome.Problems.Count > 0 ? LintStatus.Problems : outcome.Fixed.Count > 0 ? LintStatus.Fixed : LintStatus.Passed,
            Version: version);

    private static string Relative(AbsolutePath root, string path) =>
        Path.IsPathRooted(path) ? Path.GetRelativePath(root, path) : path.StartsWith("./") ? path[2..] : path;

    private static string Tail(string output) => string.Join(" | ", output.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(5));
}
