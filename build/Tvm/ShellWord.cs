using System.Text;

namespace TvmBuild.Tvm;

/// <summary>One word of a shell line as bash would read it, its quoting removed: literal text, variable references
/// (<c>$NAME</c>, <c>${NAME}</c>, <c>${NAME:-default}</c>) and <c>$(uname -i)</c>, kept apart so that expanding
/// them is a later step (<see cref="PresetScript"/>); an operator (<c>&gt;&gt;</c>, <c>;</c>, ...) is a word of its
/// own with <see cref="Operator"/> set.</summary>
public sealed record ShellWord(IReadOnlyList<ShellWord.Part> Parts, string? Operator = null)
{
    public abstract record Part;
    public sealed record Text(string Value) : Part;
    public sealed record Variable(string Name, string? Default) : Part;
    /// <summary><c>$(uname FLAG)</c>: the only command substitution TVM's config scripts use.</summary>
    public sealed record Uname(string Flag) : Part;

    /// <summary>The word's text when it has no expansion in it, else null.</summary>
    public string? Literal => Operator is null && Parts.All(p => p is Text)
        ? string.Concat(Parts.Cast<Text>().Select(t => t.Value)) : null;

    /// <summary>As a person would write it again, expansions as <c>${NAME}</c> (for messages and for matching known
    /// lines).</summary>
    public override string ToString() => Operator ?? string.Concat(Parts.Select(p => p switch
    {
        Text t => t.Value,
        Variable { Default: { } d } v => $"${{{v.Name}:-{d}}}",
        Variable v => $"${{{v.Name}}}",
        Uname u => $"$(uname {u.Flag})",
        _ => "",
    }));

    /// <summary>The words of one line; a <c>#</c> that starts a word ends the line. Throws
    /// <see cref="FormatException"/> on what bash would read differently (an open quote, a backtick, ...).</summary>
    public static List<ShellWord> Split(string line)
    {
        var words = new List<ShellWord>();
        var parts = new List<Part>();
        var text = new StringBuilder();
        var inWord = false;
        void Flush()
        {
            if (text.Length > 0) parts.Add(new Text(text.ToString()));
            text.Clear();
        }
        void End()
        {
            Flush();
            if (inWord) words.Add(new ShellWord([.. parts]));
            parts.Clear();
            inWord = false;
        }
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c is ' ' or '\t') { End(); continue; }
            if (c == '#' && !inWord) break;
            if (c is '>' or ';' or '|' or '&' or '<')
            {
                End();
                var op = i + 1 < line.Length && line[i + 1] == c ? $"{c}{c}" : c.ToString();
                i += op.Length - 1;
                words.Add(new ShellWord([], op));
                continue;
            }
            inWord = true;
            if (c == '\\')
            {
                if (++i == line.Length) throw new FormatException("a line continued with '\\'");
                text.Append(line[i]);
            }
            else if (c == '\'')
            {
                var end = line.IndexOf('\'', i + 1);
                if (end < 0) throw new FormatException("an unclosed single quote");
                text.Append(line, i + 1, end - i - 1);
                i = end;
            }
            else if (c == '"') i = DoubleQuoted(line, i + 1, text, parts, Flush);
            else if (c == '$') i = Expansion(line, i, parts, Flush);
            else if (c is '`' or '(' or ')' or '*' or '?') throw new FormatException($"'{c}' outside quotes");
            else text.Append(c);
        }
        End();
        return words;
    }

    private static int DoubleQuoted(string line, int i, StringBuilder text, List<Part> parts, Action flush)
    {
        for (; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"') return i;
            if (c == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$' or '`') text.Append(line[++i]);
            else if (c == '$') i = Expansion(line, i, parts, flush);
            else if (c == '`') throw new FormatException("a backtick");
            else text.Append(c);
        }
        throw new FormatException("an unclosed double quote");
    }

    /// <summary>Reads the expansion at <paramref name="i"/> (a '$'); returns the index of its last character.</summary>
    private static int Expansion(string line, int i, List<Part> parts, Action flush)
    {
        flush();
        var rest = line[(i + 1)..];
        if (rest.StartsWith("{"))
        {
            var end = rest.IndexOf('}');
            if (end < 0) throw new FormatException("an unclosed ${");
            var inner = rest[1..end];
            var split = inner.IndexOf(":-", StringComparison.Ordinal);
            var name = split < 0 ? inner : inner[..split];
            if (!IsName(name)) throw new FormatException($"the expansion ${{{inner}}}");
            parts.Add(new Variable(name, split < 0 ? null : inner[(split + 2)..]));
            return i + 1 + end;
        }
        if (rest.StartsWith("(uname -") && rest.IndexOf(')') is var close and > 0)
        {
            parts.Add(new Uname(rest[7..close]));
            return i + 1 + close;
        }
        var length = rest.TakeWhile(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_').Count();
        if (length == 0) throw new FormatException("a '$' that starts no variable");
        parts.Add(new Variable(rest[..length], null));
        return i + length;
    }

    private static bool IsName(string name) =>
        name.Length > 0 && name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_');
}
