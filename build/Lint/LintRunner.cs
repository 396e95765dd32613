using System.Diagnostics;
using System.Security.Cryptography;
using TvmBuild.Engine;

namespace TvmBuild.Lint;

public enum LintStatus { Passed, Problems, Fixed, NoFiles, Missing, Crashed, DryRun }

public sealed record LintResult(Linter Linter, int Files, LintOutcome Outcome, TimeSpan Duration, LintStatus Status, string? Detail = null);

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
        if (passFilenames && files.Count == 0) return new(linter, 0, LintOutcome.Empty, clock.Elapsed, LintStatus.NoFiles);
        if (linter.Action is NativeAction && runner.DryRun)
        {
            var count = files.Count == 1 ? "1 file" : $"{files.Count} files";
            Console.Out.WriteLine($"# would run {linter.Id} on {count}{(fix ? ", fixing them" : "")}");
            return new(linter, files.Count, LintOutcome.Empty, clock.Elapsed, LintStatus.DryRun);
        }
        if (linter.Action is NativeAction native)
        {
            var outcome = await Task.Run(() => native.Run(files, fix));
            return Done(linter, files.Count, outcome, clock);
        }
        var tool = (ToolAction)linter.Action;
        var executable = tool.Available == false ? null : ToolResolver.TryFind(tool.Tool);
        // Under --dry-run the needs are not probed: that would start Python.
        var missing = executable is null ? tool.Tool : runner.DryRun ? null : await Missing(runner, tool, root, python);
        if (missing is not null)
            return new(linter, files.Count, LintOutcome.Empty, clock.Elapsed, LintStatus.Missing, $"{missing.Split(':').Last()} missing: {tool.InstallHint}");
        if (fix && tool.Fix is null) fix = false; // a checker without a fixer still checks

        var before = fix ? files.ToDictionary(f => f.Path, Hash) : null;
        var problems = new List<LintProblem>();
        var crashed = new List<string>();
        var chunks = passFilenames ? files.Chunk(FilesPerCall).ToList() : [[.. files]];
        foreach (var chunk in chunks)
        {
            var arguments = (fix ? tool.Fix! : tool.Check).SelectMany(a => a == "{files}" ? chunk.Select(f => f.Path) : [a]).ToList();
            var environment = tool.Environment?.ToDictionary(p => p.Key, p => (string?)p.Value);
            var result = await runner.RunAsync(new Command(executable!, arguments, root, environment), new RunOptions { AllowFailure = true, Quiet = true });
            var found = tool.Output.Parse(result.Output, linter.Id, path => Relative(root, path));
            // A whole-tree script that exits 1 without file:line output reported findings its own way.
            if (result.ExitCode == 1 && found.Count == 0 && !passFilenames && !fix)
                found.Add(new LintProblem(string.Join(" ", tool.Check), 1, 1, linter.Id, Tail(result.Output)));
            else if (result.ExitCode != 0 && found.Count == 0 && !fix)
                crashed.Add($"{tool.Tool} exited with code {result.ExitCode}: {Tail(result.Output)}");
            problems.AddRange(found);
        }
        if (runner.DryRun) // the commands were printed, not run
            return new(linter, files.Count, LintOutcome.Empty, clock.Elapsed, LintStatus.DryRun);
        var fixedFiles = before is null ? [] : files.Where(f => Hash(f) != before[f.Path]).Select(f => f.Path).ToList();
        if (crashed.Count > 0) return new(linter, files.Count, new(problems, fixedFiles), clock.Elapsed, LintStatus.Crashed, string.Join("; ", crashed));
        return Done(linter, files.Count, fix ? new([], fixedFiles) : new(problems, []), clock);
    }

    /// <summary>The first unmet need of the tool, if any (checked on the host, or in the container in docker mode).</summary>
    private static async Task<string?> Missing(ProcessRunner runner, ToolAction tool, AbsolutePath root, string python)
    {
        foreach (var need in tool.Needs ?? [])
        {
            var (kind, name) = (need.Split(':', 2)[0], need.Split(':', 2)[1]);
            var met = kind switch
            {
                "command" => ToolResolver.TryFind(name) is not null && (!runner.InContainer ||
                    (await runner.ProbeAsync(new Command("sh", ["-c", $"command -v {name}"], root), RunOptions.MayFail)).ExitCode == 0),
                "file" => File.Exists(Path.IsPathRooted(name) ? name : Path.Combine(root, name)),
                _ => (await runner.ProbeAsync(new Command(python, ["-c", $"import {name}"], root), RunOptions.MayFail)).ExitCode == 0,
            };
            if (!met) return need;
        }
        return null;
    }

    private static LintResult Done(Linter linter, int files, LintOutcome outcome, Stopwatch clock) =>
        new(linter, files, outcome, clock.Elapsed, outcome.Problems.Count > 0 ? LintStatus.Problems : outcome.Fixed.Count > 0 ? LintStatus.Fixed : LintStatus.Passed);

    private static string Relative(AbsolutePath root, string path) =>
        Path.IsPathRooted(path) ? Path.GetRelativePath(root, path) : path.StartsWith("./") ? path[2..] : path;

    private static string Hash(LintFile file) => File.Exists(file.FullPath) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file.FullPath))) : "";

    private static string Tail(string output) => string.Join(" | ", output.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(5));
}
