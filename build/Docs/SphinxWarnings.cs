using System.Text.RegularExpressions;
using TvmBuild.Engine;

namespace TvmBuild.Docs;

/// <summary>The warnings of a Sphinx run as task_python_docs.sh counts them: every output line with "WARN" that none
/// of the layout's ignored warnings matches (build/layouts.yaml: docs.ignored_warnings, the script's
/// IGNORED_WARNINGS). Like the script's <c>grep -v -E</c>, the entries are regular expressions joined with '|', matched
/// anywhere in a line as it is. Sphinx reads the staging copy; a warning about a page copied from docs/ names that
/// page's source instead, so an editor opens the file to fix (pages sphinx-gallery generated keep their
/// path).</summary>
public static class SphinxWarnings
{
    public static IReadOnlyList<string> Of(
        string output, AbsolutePath staging, AbsolutePath sources, IReadOnlyList<string> ignored)
    {
        // No entries ignore nothing (an empty grep -E pattern would match every line, which no script means).
        var noise = ignored.Count == 0 ? null : new Regex(string.Join('|', ignored), RegexOptions.CultureInvariant);
        return output.Split('\n')
            .Where(l => l.Contains("WARN") && noise?.IsMatch(l) != true)
            .Select(l => SourceOf(l.Trim(), staging, sources))
            .ToList();
    }

    private static string SourceOf(string line, AbsolutePath staging, AbsolutePath sources)
    {
        var prefix = staging + "/";
        var start = line.IndexOf(prefix, StringComparison.Ordinal);
        if (start < 0) return line;
        var relative = line[(start + prefix.Length)..];
        var file = relative.Split(':')[0];
        return (sources / file).FileExists() ? line[..start] + sources + "/" + relative : line;
    }
}
