using TvmBuild.Engine;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace TvmBuild.Adopt;

/// <summary>build/adopt.yaml: what Adopt writes into a TVM checkout and what --retire removes there, per
/// layout.</summary>
public sealed class AdoptManifest
{
    public List<string> Home { get; set; } = [];
    public List<string> Output { get; set; } = [];
    public GuidePlace Guide { get; set; } = new();
    public Dictionary<string, string> CiFiles { get; set; } = [];
    public Dictionary<string, LayoutHome> Layouts { get; set; } = [];

    /// <summary>--retire's forwarders by name: scripts with <c>{{name}}</c> placeholders filled per layout.</summary>
    public Dictionary<string, string> Forwarders { get; set; } = [];

    /// <summary>The build's own data sits beside its binary (build/*.yaml are copied there).</summary>
    public static AdoptManifest Load() => Load(AbsolutePath.Create(AppContext.BaseDirectory) / "adopt.yaml");

    public static AdoptManifest Load(AbsolutePath file)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        try
        {
            return deserializer.Deserialize<AdoptManifest>(File.ReadAllText(file));
        }
        catch (YamlException e)
        {
            throw new BuildFailure($"{file}:{e.Start.Line}: {e.InnerException?.Message ?? e.Message}");
        }
    }

    public LayoutHome For(string layout) => Layouts.TryGetValue(layout, out var home) ? home
        : throw new BuildFailure($"build/adopt.yaml says nothing about the {layout} layout of TVM.",
            $"Add it beside {string.Join(", ", Layouts.Keys)}.");

    /// <summary>The generated CI files at the paths a TVM checkout's CI reads them.</summary>
    public Dictionary<string, string> PlaceCiFiles(IReadOnlyDictionary<string, string> files) =>
        files.ToDictionary(f => CiFiles.TryGetValue(f.Key, out var there) ? there : f.Key, f => f.Value);
}

/// <summary>Where the user guide is here (<c>From</c>) and in a TVM checkout (<c>To</c>).</summary>
public sealed class GuidePlace
{
    public string From { get; set; } = "docs";
    public string To { get; set; } = "dev/docs";
}

/// <summary>Per layout: the contributor guide it links from, and what --retire does.</summary>
public sealed class LayoutHome
{
    public string ContributorIndex { get; set; } = "";
    public string ContributorPage { get; set; } = "";
    public Retirement Retire { get; set; } = new();
}

/// <summary>What --retire does in one layout: removes (with what replaces each), forwards, rewrites
/// references.</summary>
public sealed class Retirement
{
    public List<Retiree> Remove { get; set; } = [];
    /// <summary>Path → the name of a forwarder in <see cref="AdoptManifest.Forwarders"/>.</summary>
    public Dictionary<string, string> Forward { get; set; } = [];
    /// <summary>What fills the forwarders' placeholders in this layout.</summary>
    public Dictionary<string, string> Variables { get; set; } = [];
    public List<Edit> Edits { get; set; } = [];
    /// <summary>Files that list paths one per line (.gitattributes, exclusion lists): a line naming a removed path
    /// goes.</summary>
    public List<string> ListFiles { get; set; } = [];
    /// <summary>Folders whose files quote old text as data (sample PRs): their mentions are not pointers.</summary>
    public List<string> KeepMentions { get; set; } = [];
    /// <summary>Where the CI image names go when the file that held them is removed (ini, as TVM main keeps
    /// them).</summary>
    public string? ImagesTo { get; set; }
}

/// <summary>A retired path (a file, a folder ending in /, or a glob) and the command that replaces it.</summary>
public sealed class Retiree
{
    public string Path { get; set; } = "";
    public string By { get; set; } = "";
}

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
