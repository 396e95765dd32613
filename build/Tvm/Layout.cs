using TvmBuild.Engine;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

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
    public Dictionary<string, List<string>> Presets { get; set; } = [];
    public List<string> Submodules { get; set; } = [];
    public LlvmRange? Llvm { get; set; }
    public int? CiGcc { get; set; }
    public PythonModules PythonModules { get; set; } = new();
    public Dictionary<string, Feature> Features { get; set; } = [];
    public TestSuite? Unittest { get; set; }
    public TestSuite? Integration { get; set; }
    public CppTestSpec? Cpptest { get; set; }
    public DocsSpec? Docs { get; set; }

    public bool Matches(AbsolutePath tvm) =>
        Markers.All(marker => (tvm / marker).Exists()) && Absent.All(absent => !(tvm / absent).Exists());
}
