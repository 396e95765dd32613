using System.Text.RegularExpressions;

namespace TvmBuild.Lint;

/// <summary>Findings from a formatter's unified diff: the file of each <c>+++</c> header (git's <c>b/</c> prefix and
/// black's timestamp removed), and per hunk the first source line it changes.</summary>
public static partial class DiffFindings
{
    public static List<LintProblem> Findings(string output, string linter, string message,
        Func<string, string> relative)
    {
        var problems = new List<LintProblem>();
        string? file = null;
        int line = 0;
        var reported = false;
        foreach (var raw in output.Split('\n'))
        {
            var text = raw.TrimEnd('\r');
            if (text.StartsWith("+++ "))
            {
                var path = text[4..].Split('\t')[0].Trim();
                file = path == "/dev/null" ? null : relative(path.StartsWith("b/") ? path[2..] : path);
                continue;
            }
            if (text.StartsWith("--- ") || text.StartsWith("diff ")) { file = null; continue; }
            if (file is null) continue;
            if (Hunk().Match(text) is { Success: true } hunk)
            {
                line = int.Parse(hunk.Groups[1].Value);
                reported = false;
                continue;
            }
            // Context; an empty line is a blank one whose space was trimmed.
            if (text.StartsWith(' ') || text == "") { line++; continue; }
            if ((text.StartsWith('-') || text.StartsWith('+')) && !reported)
            {
                problems.Add(new LintProblem(file, Math.Max(line, 1), 1, linter, message));
                reported = true;
            }
        }
        return problems;
    }

    [GeneratedRegex(@"^@@ -(\d+)(?:,\d+)? \+\d+(?:,\d+)? @@")]
    private static partial Regex Hunk();
}
