namespace TvmBuild.Adopt;

/// <summary>An exact text replacement in one kept file, where a mention needs more than a path swapped; or, with
/// <c>DropFunction</c>, a top-level Python function (with its decorators) removed, such as the test of a removed
/// script.</summary>
public sealed class Edit
{
    public string File { get; set; } = "";
    public string From { get; set; } = "";
    public string To { get; set; } = "";
    public string? DropFunction { get; set; }

    /// <summary>The edited text, or null when the edit does not apply to <paramref name="text"/>.</summary>
    public string? Apply(string text)
    {
        if (DropFunction is null)
            return From.Length > 0 && text.Contains(From, StringComparison.Ordinal)
                ? text.Replace(From, To, StringComparison.Ordinal) : null;
        var lines = text.Split('\n').ToList();
        var def = lines.FindIndex(l => l.StartsWith($"def {DropFunction}(", StringComparison.Ordinal));
        if (def < 0) return null;
        var start = def;
        while (start > 0 && lines[start - 1].Length > 0
            && (lines[start - 1][0] is '@' or ')' or ']' or ' ' or '\t')) start--;
        var end = def + 1;
        while (end < lines.Count && (lines[end].Length == 0 || char.IsWhiteSpace(lines[end][0])
            || lines[end][0] == ')')) end++;
        while (end > def + 1 && lines[end - 1].Length == 0) end--;
        lines.RemoveRange(start, end - start);
        while (start < lines.Count && lines[start].Length == 0 && start >= 2 && lines[start - 1].Length == 0
            && lines[start - 2].Length == 0)
            lines.RemoveAt(start); // two blank lines between definitions, as before
        return string.Join('\n', lines);
    }
}
