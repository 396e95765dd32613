using YamlDotNet.Serialization;

namespace TvmBuild.Tvm;

/// <summary>One TVM tree layout from build/layouts.yaml: how that ref's scripts configure, build and test.</summary>
public sealed class Layout
{
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public List<string> Markers { get; set; } = [];
    public List<string> Absent { get; set; } = [];
    public BashShDialect BashSh { get; set; } = BashShDialect.RootlessAware;
    public LintSource Lint { get; set; } = LintSource.PreCommit;
    /// <summary>Files that pin the linters' versions besides the lint source (the ci_lint image's install
    /// lines).</summary>
    public List<string> LintPins { get; set; } = [];
    public ImageTable Images { get; set; } = new();
    public Dictionary<string, string> BuildEnvironment { get; set; } = [];
    /// <summary>Presets as data: the <c>set(...)</c> arguments of each, for a tree without the preset's script (a
    /// fixture, a tree that <c>Adopt --retire</c> removed it from).</summary>
    public Dictionary<string, List<string>> Presets { get; set; } = [];
    /// <summary>The tree's preset scripts, one <c>*</c> standing for the preset's name
    /// (tests/scripts/task_config_build_*.sh): a preset whose script the tree has is read from it
    /// (<see cref="PresetScript"/>), whatever <see cref="Presets"/> says.</summary>
    public string? PresetScripts { get; set; }
    public List<string> Submodules { get; set; } = [];
    public LlvmRange? Llvm { get; set; }
    public int? CiGcc { get; set; }
    public PythonModules PythonModules { get; set; } = new();
    public Dictionary<string, Feature> Features { get; set; } = [];
    public TestSuite? Unittest { get; set; }
    public TestSuite? Integration { get; set; }
    public CppTestSpec? Cpptest { get; set; }
    public DocsSpec? Docs { get; set; }

    /// <summary>Why the tree is of this layout (its markers, the absent paths), once detected.</summary>
    [YamlIgnore, System.Text.Json.Serialization.JsonIgnore]
    public string Why { get; set; } = "";

    /// <summary>The preset scripts the tree has (preset → path in the tree), once detected.</summary>
    [YamlIgnore, System.Text.Json.Serialization.JsonIgnore]
    public Dictionary<string, string> TreePresets { get; set; } = [];

    [YamlIgnore]
    public IEnumerable<string> PresetNames => Presets.Keys.Union(TreePresets.Keys).Order(StringComparer.Ordinal);

    public bool HasPreset(string name) => Presets.ContainsKey(name) || TreePresets.ContainsKey(name);

    /// <summary>What the tree must have and lack for this layout, as "has X" / "no Y" lines; the unmet ones of a
    /// tree with the paths <paramref name="exists"/> says it has.</summary>
    public List<string> Unmet(Func<string, bool> exists) =>
        [.. Markers.Where(m => !exists(m)).Select(m => $"lacks {m}"), .. Absent.Where(exists).Select(a => $"has {a}")];

    [YamlIgnore]
    public string Requirements =>
        string.Join(", ", Absent.Select(a => $"no {a}").Prepend(string.Join(" + ", Markers)).Where(s => s != ""));
}
