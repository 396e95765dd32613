namespace TvmBuild.Tvm;

/// <summary>Why a pytest run failed, in a few words for the summary: its failed tests, or the cause pytest printed
/// when it stopped before running any (a usage error, a missing file, nothing collected).</summary>
public static class PytestExit
{
    public static string Describe(int exitCode, string output, SuiteResult? result)
    {
        if (exitCode == 1 && result is { Failed: > 0 }) return $"{TestSummary.Plural(result.Failed, "test")} failed";
        if (exitCode == 5) return "pytest exit 5: no tests collected";
        return Cause(output) is { } cause ? $"pytest exit {exitCode}: {cause}" : $"pytest exit {exitCode}";
    }

    /// <summary>pytest's own error line: <c>ERROR: file or directory not found: x</c>,
    /// <c>__main__.py: error: unrecognized arguments: --bogus</c>, or an interrupted collection.</summary>
    public static string? Cause(string output)
    {
        var lines = output.Split('\n').Select(l => l.Trim()).ToList();
        var argparse = lines.LastOrDefault(l => l.Contains(": error: "));
        if (argparse is not null) return argparse[(argparse.IndexOf(": error: ", StringComparison.Ordinal) + 9)..];
        var error = lines.LastOrDefault(l => l.StartsWith("ERROR: ") && !l.StartsWith("ERROR: usage:"));
        if (error is not null) return error["ERROR: ".Length..];
        return lines.LastOrDefault(l => l.StartsWith("!!!") && l.Contains("Interrupted"))?.Trim('!', ' ');
    }
}
