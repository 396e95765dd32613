using System.Text.RegularExpressions;
using TvmBuild.Engine;
using YamlDotNet.Core;
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

    public bool Matches(AbsolutePath tvm) => Markers.All(m => (tvm / m).Exists()) && Absent.All(m => !(tvm / m).Exists());
}

/// <summary>Which docker/bash.sh a ref has: the argv it builds and the options it takes differ.</summary>
public enum BashShDialect { RootlessAware, Classic }

/// <summary>Where a ref's linters come from.</summary>
public enum LintSource { PreCommit, TaskLint }

/// <summary>The file that names a ref's CI images (ci_cpu → tlcpack/ci-cpu:TAG), and how to read it.</summary>
public sealed class ImageTable
{
    public string File { get; set; } = "ci/jenkins/docker-images.ini";
    public ImageTableFormat Format { get; set; } = ImageTableFormat.Ini;
}

public enum ImageTableFormat { Ini, Jenkinsfile }

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

public sealed class CppTestSpec
{
    public string Script { get; set; } = "";
    public List<string> CmakeTargets { get; set; } = [];
    public Dictionary<string, string> Environment { get; set; } = [];
    public List<Step> Steps { get; set; } = [];
}

public sealed class Step
{
    public string? Cwd { get; set; }
    public List<string> Run { get; set; } = [];
    /// <summary>Set when the step runs C++ tests (gtest or ctest): it gets the JUnit file, --test-filter and the
    /// arguments after <c>--</c>.</summary>
    public TestFramework? Tests { get; set; }
}

public static partial class Layouts
{
    /// <summary>build/layouts.yaml, shipped beside the compiled build.</summary>
    public static AbsolutePath File => AbsolutePath.Create(AppContext.BaseDirectory) / "layouts.yaml";

    /// <summary>Reads build/layouts.yaml; a malformed file names its line.</summary>
    public static IReadOnlyList<Layout> Load(AbsolutePath file)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance)
            .WithEnumNamingConvention(HyphenatedNamingConvention.Instance).Build();
        try
        {
            var layouts = deserializer.Deserialize<Dictionary<string, Layout>>(System.IO.File.ReadAllText(file));
            foreach (var (name, layout) in layouts) layout.Name = name;
            return [.. layouts.Values];
        }
        catch (YamlException e)
        {
            throw new BuildFailure($"{file}:{e.Start.Line}: {e.InnerException?.Message ?? e.Message}");
        }
    }

    /// <summary>What every TVM tree has at its root, whatever its layout.</summary>
    private static readonly string[] TvmFiles = ["CMakeLists.txt", "cmake/config.cmake", "python/tvm"];

    public static bool IsTvmTree(AbsolutePath folder) => TvmFiles.All(f => (folder / f).Exists());

    public static Layout Detect(IReadOnlyList<Layout> layouts, AbsolutePath tvm)
    {
        if (!tvm.DirectoryExists())
            throw new BuildFailure($"No TVM tree at {tvm}.", "Pass --tvm-home <dir> (or set TVM_HOME), or clone one with './build.sh Checkout --tvm-home <dir>'.");
        var missing = TvmFiles.Where(f => !(tvm / f).Exists()).ToList();
        if (missing.Count > 0)
            throw new BuildFailure($"{tvm} is not a TVM tree: it lacks {string.Join(", ", missing)}.", "Point --tvm-home at the root of a TVM checkout.");
        return layouts.FirstOrDefault(l => l.Matches(tvm))
            ?? throw new BuildFailure($"{tvm} looks like TVM but matches no known layout.",
                "Looked for: " + string.Join("; ", layouts.Select(l =>
                    $"{l.Name} = {string.Join(" + ", l.Markers)}{string.Concat(l.Absent.Select(a => $", no {a}"))}")) + ".");
    }

    /// <summary>Expands <c>${NAME}</c> and <c>${NAME:-default}</c> from <paramref name="variables"/>, then the
    /// environment; an unset name without a default fails, as the scripts' <c>set -u</c> does.</summary>
    public static string Expand(string text, IReadOnlyDictionary<string, string> variables, string context) =>
        Reference().Replace(text, m =>
        {
            var name = m.Groups[1].Value;
            var value = variables.GetValueOrDefault(name) ?? System.Environment.GetEnvironmentVariable(name);
            if (!string.IsNullOrEmpty(value)) return value;
            if (m.Groups[2].Success) return m.Groups[3].Value;
            throw new BuildFailure($"{context} needs the environment variable {name}, which is not set.", $"Set {name} (TVM's script reads it too).");
        });

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?\}")]
    private static partial Regex Reference();
}
