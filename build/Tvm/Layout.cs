using TvmBuild.Engine;
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

/// <summary>Where a ref's linters come from.</summary>
public enum LintSource { PreCommit, TaskLint }

/// <summary>The file that names a ref's CI images (ci_cpu → tlcpack/ci-cpu:TAG), and how to read it.</summary>
public sealed class ImageTable
{
    public string File { get; set; } = "ci/jenkins/docker-images.ini";
    public ImageTableFormat Format { get; set; } = ImageTableFormat.Ini;
    /// <summary>The table to read when the tree lacks <see cref="File"/> (e.g. v0.10.0's Jenkinsfile before
    /// ci/jenkins/docker-images.ini, where <c>Adopt --retire</c> moves it).</summary>
    public ImageTable? Else { get; set; }

    /// <summary>The first table of the chain whose file the tree has; this one when it has none.</summary>
    public ImageTable In(AbsolutePath tvm)
    {
        for (var table = this; table is not null; table = table.Else)
            if ((tvm / table.File).FileExists()) return table;
        return this;
    }
}

public enum ImageTableFormat { Ini, Jenkinsfile }

/// <summary>What a tree's tests and docs import (layouts.yaml's <c>python_modules</c>).</summary>
public sealed class PythonModules
{
    public List<string> Tests { get; set; } = [];
    public List<string> Docs { get; set; } = [];
}

/// <summary>The llvm-config versions a tree builds with (layouts.yaml's <c>llvm</c>).</summary>
public sealed class LlvmRange
{
    public int Min { get; set; }
    public int Max { get; set; } = int.MaxValue;

    public bool Contains(int major) => major >= Min && major <= Max;
    public override string ToString() => Max == int.MaxValue ? $">= {Min}" : $"{Min} to {Max}";
}

/// <summary>What a config.cmake setting needs when it is on (layouts.yaml's <c>features</c>).</summary>
public sealed class Feature
{
    /// <summary>"library:NAME", "command:NAME", "path:PATH", "tree:DIR", "module:NAME"; ${KEY} names a
    /// setting.</summary>
    public List<string> Needs { get; set; } = [];
    /// <summary>The values for which it needs them (default: any value but OFF).</summary>
    public List<string>? When { get; set; }
    /// <summary>The Debian package that brings what it needs.</summary>
    public string? Package { get; set; }
    /// <summary>The tree's CMake files that read the setting: where none names it, the tree's CMake ignores it, and
    /// what it needs is not needed (empty: every tree reads it).</summary>
    public List<string> ReadBy { get; set; } = [];
}

public sealed class TestSuite
{
    public string Script { get; set; } = "";
    public string? InstallFfi { get; set; }
    public string AddoptsPrefix { get; set; } = "";
    public string? Xdist { get; set; }
    public Dictionary<string, string> Environment { get; set; } = [];
    public List<Step> Prepare { get; set; } = [];
    public List<PytestRun> Suites { get; set; } = [];
}

public sealed class PytestRun
{
    public string Name { get; set; } = "";
    public string? Ffi { get; set; }
    public List<string> Args { get; set; } = [];
    public Dictionary<string, string> Environment { get; set; } = [];
}

public sealed class Step
{
    public string? Cwd { get; set; }
    public List<string> Run { get; set; } = [];
    /// <summary>Set when the step runs C++ tests (gtest or ctest): it gets the JUnit file, --test-filter and the
    /// arguments after <c>--</c>.</summary>
    public TestFramework? Tests { get; set; }
}

public sealed class CppTestSpec
{
    public string Script { get; set; } = "";
    public List<string> CmakeTargets { get; set; } = [];
    public Dictionary<string, string> Environment { get; set; } = [];
    public List<Step> Steps { get; set; } = [];
}

/// <summary>How a layout's docs script (tests/scripts/task_python_docs.sh) checks a Sphinx log. IgnoredWarnings: its
/// IGNORED_WARNINGS array as bash reads it, in order; each entry is an extended regular expression, and a log line
/// that any of them matches is not counted (the script's <c>grep -v -E</c> of them joined with '|'), before every
/// line with "WARN" left fails the check.</summary>
public sealed class DocsSpec
{
    public string Script { get; set; } = "";
    public List<string> IgnoredWarnings { get; set; } = [];
}
