using TvmBuild.Engine;

namespace TvmBuild.Tvm;

/// <summary>The lines a test target adds under the summary table: counts per suite, the failing test ids (up to
/// <see cref="Listed"/>), and one command that reruns just those.</summary>
public static class TestSummary
{
    public const int Listed = 20;

    /// <param name="rerun">The command line up to the selection
    /// (<c>./build.sh UnitTest --skip --tvm-home ...</c>).</param>
    /// <param name="select">The arguments that select the given ids
    /// (<c>--tests a b</c>, <c>--test-filter a:b</c>).</param>
    public static IReadOnlyList<(string Key, string Value)> Lines(string target, IReadOnlyList<SuiteResult> results,
        IReadOnlyList<string> rerun, Func<IReadOnlyList<string>, IReadOnlyList<string>> select)
    {
        var lines = results.Select(r => ($"{target} {r.Name}", r.Counts)).ToList();
        var failed = results.SelectMany(r => r.FailedIds).Distinct().ToList();
        if (failed.Count == 0) return lines;
        var listed = failed.Take(Listed).ToList();
        var more = failed.Count > Listed ? $" (the first {Listed}; all are in the JUnit files)" : "";
        lines.Add(($"{target} failed", $"{Plural(failed.Count, "test")}{more}"
            + string.Concat(listed.Select(id => Environment.NewLine + "  " + id))));
        var command = string.Join(" ", rerun.Concat(select(listed)).Select(Command.Quote));
        lines.Add((failed.Count > Listed ? $"{target} rerun (the {Listed} listed)" : $"{target} rerun", command));
        return lines;
    }

    public static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
