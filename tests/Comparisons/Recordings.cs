using System.Text.Json;
using TvmBuild.Tests.Support;

namespace TvmBuild.Tests.Comparisons;

/// <summary>tests/Recordings: what TVM's own scripts produced at main and v0.9.0 (re-recorded by record.py from a
/// real tree), and fixture trees that stand in for those refs when no TVM tree is at hand.</summary>
public static class Recordings
{
    public static readonly string[] Layouts = ["main", "v0.9.0"];

    public static string Folder => Path.Combine(BuildScript.RepoRoot, "tests", "Recordings");

    public static JsonElement Read(string name) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, name))).RootElement;

    public static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

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
        File.WriteAllText(Path.Combine(old, "Jenkinsfile"), string.Concat(images.Select(i => $"{i.Key} = '{i.Value}'\n")));
        return old;
    }
}
