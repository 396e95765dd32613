using System.Text;
using System.Text.Json;
using TvmBuild.Tests.Support;

namespace TvmBuild.Tests.Comparisons;

/// <summary>tests/Recordings: what TVM's own scripts produced at main and v0.9.0 (re-recorded by record.py from a
/// real tree), and fixture trees that stand in for those refs when no TVM tree is at hand.</summary>
public static class Recordings
{
    public static readonly string[] Layouts = ["main", "v0.9.0"];

    public static string Folder => Path.Combine(BuildScript.RepoRoot, "tests", "Recordings");

    public static JsonElement Read(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, name))).RootElement;

    public static List<string> Strings(JsonElement array) =>
        array.EnumerateArray().Select(e => e.GetString()!).ToList();

    /// <summary>A fixture tree of <paramref name="layout"/> whose image table names the recorded images.</summary>
    public static string FixtureOf(string layout, IReadOnlyDictionary<string, string> images)
    {
        if (layout == "main")
        {
            var tree = Trees.CopyFixture();
            File.WriteAllText(Path.Combine(tree, "ci", "jenkins", "docker-images.ini"),
                "[jenkins]\n" + string.Concat(images.Select(i => $"{i.Key}: {i.Value}\n")));
            return tree;
        }
        var old = Trees.CopyFixtureAsV090();
        File.WriteAllText(Path.Combine(old, "Jenkinsfile"),
            string.Concat(images.Select(i => $"{i.Key} = '{i.Value}'\n")));
        return old;
    }

    /// <summary>Splits a line as the shell would, for the quoting <c>Command.Quote</c> writes.</summary>
    public static List<string> ShellWords(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        var inWord = false;
        foreach (var c in line.TrimEnd())
        {
            if (c == '\'') { quoted = !quoted; inWord = true; }
            else if (c == ' ' && !quoted) { if (inWord) words.Add(word.ToString()); word.Clear(); inWord = false; }
            else if (c == '"' && !quoted) inWord = true; // only from '"'"' escapes
            else { word.Append(c); inWord = true; }
        }
        if (inWord) words.Add(word.ToString());
        return words;
    }
}
