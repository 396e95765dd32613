using System.Text.RegularExpressions;
using TvmBuild.Engine;

namespace TvmBuild.Docs;

/// <summary>The warnings of a Sphinx run as task_python_docs.sh counts them: every output line with "WARN" that is
/// not third-party noise CI ignores. Sphinx reads the staging copy; a warning about a page copied from docs/ names
/// that page's source instead, so an editor opens the file to fix (pages sphinx-gallery generated keep their
/// path).</summary>
public static partial class SphinxWarnings
{
    public static IReadOnlyList<string> Of(string output, AbsolutePath staging, AbsolutePath sources) =>
        output.Split('\n').Select(l => l.Trim())
            .Where(l => l.Contains("WARN") && !Ignored().IsMatch(l))
            .Select(l => SourceOf(l, staging, sources))
            .ToList();

    private static string SourceOf(string line, AbsolutePath staging, AbsolutePath sources)
    {
        var prefix = staging + "/";
        var start = line.IndexOf(prefix, StringComparison.Ordinal);
        if (start < 0) return line;
        var relative = line[(start + prefix.Length)..];
        var file = relative.Split(':')[0];
        return (sources / file).FileExists() ? line[..start] + sources + "/" + relative : line;
    }

    // task_python_docs.sh's IGNORED_WARNINGS: third-party noise that CI does not count.
    [GeneratedRegex("__mro__|UserWarning|FutureWarning|tensorflow|Keras|pytorch|TensorFlow|coremltools|403|" +
        "git describe|scikit-learn version|doing serial write|gen_gallery extension is not safe for parallel|" +
        "cannot cache unpickable configuration value|You are using pip version|" +
        "tutorials/README.rst: WARNING: document isn't included in any toctree")]
    private static partial Regex Ignored();
}
