using System.Text;

namespace TvmBuild.Engine;

/// <summary>A plain table whose long cells wrap inside their column (never cut, never pushing the next column), so
/// it reads the same in a terminal, a CI log or a file.</summary>
public static class TextTable
{
    public static string Render(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<int> widths)
    {
        var text = new StringBuilder();
        void Line(IReadOnlyList<string> cells)
        {
            var wrapped = cells.Select((c, i) => Wrap(c, widths[i])).ToList();
            for (var l = 0; l < wrapped.Max(w => w.Count); l++)
                text.AppendLine(string.Join("  ", wrapped.Select((w, i) => i == wrapped.Count - 1
                    ? (l < w.Count ? w[l] : "") : (l < w.Count ? w[l] : "").PadRight(widths[i]))).TrimEnd());
        }
        Line(headers);
        foreach (var row in rows) Line(row);
        return text.ToString();
    }

    /// <summary>Words in lines of at most <paramref name="width"/> characters; a longer word is split.</summary>
    public static List<string> Wrap(string text, int width)
    {
        var lines = new List<string> { "" };
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = word;
            while (rest.Length > 0)
            {
                var room = lines[^1].Length == 0 ? width : width - lines[^1].Length - 1;
                if (rest.Length <= room)
                {
                    lines[^1] = lines[^1].Length == 0 ? rest : $"{lines[^1]} {rest}";
                    rest = "";
                }
                else if (lines[^1].Length > 0) lines.Add("");
                else
                {
                    lines[^1] = rest[..width];
                    rest = rest[width..];
                    lines.Add("");
                }
            }
        }
        if (lines.Count > 1 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines;
    }
}
