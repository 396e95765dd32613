using TvmBuild.Engine;

namespace TvmBuild.Tvm;

/// <summary>A tree's tests/scripts/task_config_build_&lt;preset&gt;.sh, read as data and never run: the lines its
/// <c>echo ... &gt;&gt; config.cmake</c> append, under the <c>if [ -d PATH ]</c>, <c>[[ ${VAR:-x} == "y" ]]</c> and
/// <c>$(uname -i)</c> tests the scripts make, and the other preset script one calls. The rest is the scripts'
/// boilerplate (<c>set -e</c>, <c>BUILD_DIR=$1</c>, <c>mkdir</c>, <c>cd</c>, <c>cp ../cmake/config.cmake .</c>:
/// Configure does that itself); anything else fails, naming the line, rather than be skipped.</summary>
public sealed partial class PresetScript
{
    public abstract record Step;
    /// <summary><c>echo [-e] WORDS &gt;&gt; config.cmake</c>.</summary>
    public sealed record Append(IReadOnlyList<ShellWord> Words, bool Escapes) : Step;
    /// <summary><c>./tests/scripts/task_config_build_other.sh</c>: that preset's lines.</summary>
    public sealed record Include(string Path) : Step;
    public sealed record Assign(string Name, ShellWord Value) : Step;
    public sealed record Branch(IReadOnlyList<ShellWord> Test, List<Step> Then, List<Step> Else) : Step;

    private static readonly string[] Boilerplate =
        ["BUILD_DIR=${1}", "mkdir -p ${BUILD_DIR}", "cd ${BUILD_DIR}", "cp ../cmake/config.cmake ."];

    public string Source { get; }
    public IReadOnlyList<Step> Steps { get; }

    private PresetScript(string source, IReadOnlyList<Step> steps) => (Source, Steps) = (source, steps);

    /// <summary>Reads <paramref name="text"/>; <paramref name="source"/> names it in errors (a path of the
    /// tree).</summary>
    public static PresetScript Parse(string text, string source)
    {
        var top = new List<Step>();
        var open = new Stack<(Branch Branch, bool InElse)>();
        List<Step> Current() => open.Count == 0 ? top : open.Peek().InElse ? open.Peek().Branch.Else
            : open.Peek().Branch.Then;
        var lines = text.Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            BuildFailure Unread(string what) => new($"{source}:{n + 1}: tvm-build cannot read {what}.",
                "Presets are read from the script, never run: teach build/Tvm/PresetScript.cs the construct, or " +
                "give the preset in build/layouts.yaml.");
            List<ShellWord> words;
            try { words = ShellWord.Split(lines[n].TrimEnd('\r')); }
            catch (FormatException e) { throw Unread($"'{lines[n].Trim()}' ({e.Message})"); }
            foreach (var statement in Statements(words))
            {
                var first = statement[0].Literal;
                var line = string.Join(" ", statement);
                if (first == "set" || Boilerplate.Contains(line)) continue;
                if (first == "then" && statement.Count == 1 && open.Count > 0) continue;
                if (first == "if")
                {
                    var test = statement.Skip(1).TakeWhile(w => w.Literal != "then").ToList();
                    if (TestOf(test) is null) throw Unread($"the test '{string.Join(" ", test)}'");
                    var branch = new Branch(test, [], []);
                    Current().Add(branch);
                    open.Push((branch, false));
                    continue;
                }
                if (first == "else" && statement.Count == 1 && open.Count > 0 && !open.Peek().InElse)
                {
                    open.Push((open.Pop().Branch, true));
                    continue;
                }
                if (first == "fi" && statement.Count == 1 && open.TryPop(out _)) continue;
                if (first == "echo")
                {
                    if (!Echo(statement, out var append))
                        throw Unread($"'{line}' (an echo that writes elsewhere than >> config.cmake)");
                    if (append is not null) Current().Add(append);
                    continue;
                }
                if (first is { } path && path.EndsWith(".sh") && statement.Count == 1)
                {
                    Current().Add(new Include(path.StartsWith("./") ? path[2..] : path));
                    continue;
                }
                if (statement.Count == 1 && statement[0].Parts is [ShellWord.Text { Value: var head }, ..]
                    && head.IndexOf('=') is > 0 and var eq && head[..eq].All(c => char.IsAsciiLetterOrDigit(c)
                        || c == '_'))
                {
                    var value = new ShellWord([new ShellWord.Text(head[(eq + 1)..]), .. statement[0].Parts.Skip(1)]);
                    Current().Add(new Assign(head[..eq], value));
                    continue;
                }
                throw Unread($"'{line}'");
            }
        }
        if (open.Count > 0) throw new BuildFailure($"{source}: an 'if' without its 'fi'.",
            "Presets are read from the script: check the script, or give the preset in build/layouts.yaml.");
        return new PresetScript(source, top);
    }

    /// <summary>A line's statements, split at <c>;</c>.</summary>
    private static IEnumerable<List<ShellWord>> Statements(List<ShellWord> words)
    {
        var statement = new List<ShellWord>();
        foreach (var word in words)
        {
            if (word.Operator == ";")
            {
                if (statement.Count > 0) yield return statement;
                statement = [];
            }
            else statement.Add(word);
        }
        if (statement.Count > 0) yield return statement;
    }

    /// <summary>An echo appended to config.cmake. One to the terminal (no redirection) is nothing to config.cmake
    /// (null); false for one that writes elsewhere.</summary>
    private static bool Echo(List<ShellWord> statement, out Append? append)
    {
        append = null;
        var args = statement.Skip(1).ToList();
        var escapes = args.FirstOrDefault()?.Literal == "-e";
        if (escapes) args.RemoveAt(0);
        var redirect = args.FindIndex(w => w.Operator is not null);
        if (redirect < 0) return true;
        if (args[redirect].Operator != ">>" || redirect + 2 != args.Count || args[^1].Literal != "config.cmake")
            return false;
        append = new Append(args[..redirect], escapes);
        return true;
    }
}
