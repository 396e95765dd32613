using System.Text;
using TvmBuild.Engine;

namespace TvmBuild.Tvm;

public sealed partial class PresetScript
{
    /// <summary>The lines the script appends to config.cmake on a machine with <paramref name="facts"/>, in order;
    /// <paramref name="include"/> reads a preset script it calls.</summary>
    public IReadOnlyList<string> Lines(PresetFacts facts, Func<string, PresetScript> include)
    {
        var lines = new List<string>();
        Run(Steps, facts, include, new Dictionary<string, string>(), lines);
        return lines;
    }

    private void Run(IReadOnlyList<Step> steps, PresetFacts facts, Func<string, PresetScript> include,
        Dictionary<string, string> variables, List<string> lines)
    {
        string Expand(ShellWord word) => string.Concat(word.Parts.Select(part => part switch
        {
            ShellWord.Text t => t.Value,
            ShellWord.Uname => facts.Machine,
            ShellWord.Variable v => (variables.GetValueOrDefault(v.Name) ?? facts.Environment(v.Name)) switch
            {
                null or "" when v.Default is not null => v.Default,
                { } value => value,
                null => throw new BuildFailure($"{Source} needs the environment variable {v.Name}, which is not set.",
                    $"Set {v.Name} (TVM's script reads it too)."),
            },
            _ => "",
        }));
        foreach (var step in steps)
            switch (step)
            {
                case Append append:
                    var text = string.Join(" ", append.Words.Select(Expand));
                    lines.Add(append.Escapes ? Unescape(text) : text);
                    break;
                case Include called:
                    lines.AddRange(include(called.Path).Lines(facts, include));
                    break;
                case Assign assign:
                    variables[assign.Name] = Expand(assign.Value);
                    break;
                case Branch branch:
                    var holds = Holds([.. branch.Test.Select(Expand)], facts);
                    Run(holds ? branch.Then : branch.Else, facts, include, variables, lines);
                    break;
            }
    }

    /// <summary>The tests the scripts make, inside <c>[ ]</c> or <c>[[ ]]</c>; null when it is none of them.</summary>
    private static Func<IReadOnlyList<string>, PresetFacts, bool>? TestOf(IReadOnlyList<ShellWord> test)
    {
        var words = test.Select(w => w.Literal).ToList();
        var inner = words switch
        {
            ["[", .. var rest, "]"] => rest,
            ["[[", .. var rest, "]]"] => rest,
            _ => null,
        };
        return inner switch
        {
            ["-d", _] => (w, f) => f.DirectoryExists(w[2]),
            ["-f", _] => (w, f) => f.FileExists(w[2]),
            ["-e", _] => (w, f) => f.DirectoryExists(w[2]) || f.FileExists(w[2]),
            ["-z", _] => (w, _) => w[2].Length == 0,
            ["-n", _] => (w, _) => w[2].Length > 0,
            [_, "=" or "==", _] => (w, _) => w[1] == w[3],
            [_, "!=", _] => (w, _) => w[1] != w[3],
            _ => null,
        };
    }

    private static bool Holds(IReadOnlyList<string> expanded, PresetFacts facts) =>
        TestOf([.. expanded.Select(e => new ShellWord([new ShellWord.Text(e)]))])!(expanded, facts);

    /// <summary>echo -e's escapes that TVM's scripts use.</summary>
    private static string Unescape(string text)
    {
        var result = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length) { result.Append(text[i]); continue; }
            var next = text[++i];
            result.Append(next switch { 'n' => "\n", 't' => "\t", '\\' => "\\", _ => $"\\{next}" });
        }
        return result.ToString();
    }
}
