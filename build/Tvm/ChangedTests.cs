using TvmBuild.Engine;
using TvmBuild.Lint;

namespace TvmBuild.Tvm;

/// <summary>UnitTest --changed: the test files a change touched, picked from what Lint --changed sees (files changed
/// against the base plus untracked ones, LintFiles.Choose): a Python file named as pytest collects it
/// (<c>test_*.py</c>, <c>*_test.py</c>) under one of the suite's own test paths. Only test files themselves: a changed
/// <c>python/tvm/foo.py</c> selects nothing (which tests cover it is not something a path tells).</summary>
public static class ChangedTests
{
    /// <summary>The runs of UnitTest --changed (--changed-only: <paramref name="only"/>) and the line under the summary
    /// that says what was selected and why; no runs when only changed files were asked for and none changed.</summary>
    public static (List<PytestRun> Runs, string Summary) Select(ProcessRunner runner, AbsolutePath root,
        string? baseRef, IReadOnlyList<PytestRun> runs, bool only, Func<string, bool> isTestPath)
    {
        if (!(root / ".git").Exists())
            throw new BuildFailure($"UnitTest --changed needs a git tree to tell what changed; {root} is not one.",
                "Drop --changed (and --changed-only), or name the tests with --tests.");
        var selection = LintFiles.Choose(runner, root, LintScope.Changed, baseRef);
        var since = Short(selection.Base ?? "HEAD");
        var testPaths = runs.SelectMany(r => r.Args).Where(isTestPath).Distinct().ToList();
        var files = Pick(selection, root, testPaths);
        if (files.Count == 0)
            return only ? ([], $"no test file changed since {since}: nothing ran (--changed-only)")
                : ([.. runs], $"no test file changed since {since}: the suite ran as usual");
        var picked = string.Join(", ", files.Select(f => $"{f.Path}: {f.Why}"));
        return (Runs(runs, files.Select(f => f.Path).ToList(), only, isTestPath),
            $"{files.Count} test files changed since {since}, run {(only ? "alone" : "first")}: {picked}");
    }

    /// <summary>The changed test files, each with why it was selected ("changed" or "new"), in path order.</summary>
    public static List<(string Path, string Why)> Pick(LintSelection selection, AbsolutePath root,
        IReadOnlyList<string> testPaths) =>
        selection.Paths.Distinct()
            .Where(p => IsTestFile(p) && testPaths.Any(t => Under(p, t)) && (root / p).FileExists())
            .Order(StringComparer.Ordinal)
            .Select(p => (p, selection.Added.Contains(p) ? "new" : "changed"))
            .ToList();

    /// <summary>The changed files first, with the first run's options (as --tests narrows it), then unless
    /// <paramref name="only"/> every run of the suite without them (pytest's --ignore).</summary>
    public static List<PytestRun> Runs(IReadOnlyList<PytestRun> runs, IReadOnlyList<string> files, bool only,
        Func<string, bool> isTestPath)
    {
        var first = runs[0];
        var changed = new PytestRun
        {
            Name = $"{first.Name}-changed",
            Ffi = first.Ffi,
            Environment = first.Environment,
            Args = [.. first.Args.Where(a => !isTestPath(a)), .. files],
        };
        if (only) return [changed];
        var ignored = files.Select(f => $"--ignore={f}").ToList();
        return
        [
            changed,
            .. runs.Select(r => new PytestRun
            {
                Name = r.Name, Ffi = r.Ffi, Environment = r.Environment, Args = [.. r.Args, .. ignored],
            }),
        ];
    }

    /// <summary>A base commit as a reader wants it: a merge-base's hash shortened, a name as given.</summary>
    public static string Short(string reference) =>
        reference.Length == 40 && reference.All(char.IsAsciiHexDigitLower) ? reference[..12] : reference;

    private static bool IsTestFile(string path) =>
        Path.GetFileName(path) is var name && name.EndsWith(".py")
        && (name.StartsWith("test_") || name.EndsWith("_test.py"));

    private static bool Under(string path, string testPath) =>
        path == testPath || path.StartsWith(testPath.TrimEnd('/') + "/");
}
