using System.Text.RegularExpressions;
using TvmBuild.Engine;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace TvmBuild.Tvm;

public static partial class Layouts
{
    /// <summary>build/layouts.yaml, shipped beside the compiled build.</summary>
    public static AbsolutePath File => AbsolutePath.Create(AppContext.BaseDirectory) / "layouts.yaml";

    /// <summary>Reads build/layouts.yaml; a malformed file names its line.</summary>
    public static IReadOnlyList<Layout> Load(AbsolutePath file)
    {
        var deserializer = new StaticDeserializerBuilder(new LayoutsYaml())
            .WithNamingConvention(SeparatedNames.Underscored)
            .WithEnumNamingConvention(SeparatedNames.Hyphenated).Build();
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
            throw new BuildFailure($"No TVM tree at {tvm}.",
                "Pass --tvm-home <dir> (or set TVM_HOME), or clone one with './build.sh Checkout --tvm-home <dir>'.");
        var missing = TvmFiles.Where(f => !(tvm / f).Exists()).ToList();
        if (missing.Count > 0)
            throw new BuildFailure($"{tvm} is not a TVM tree: it lacks {string.Join(", ", missing)}.",
                "Point --tvm-home at the root of a TVM checkout.");
        return layouts.FirstOrDefault(l => l.Matches(tvm))
            ?? throw new BuildFailure($"{tvm} looks like TVM but matches no known layout.",
                "Looked for: " + string.Join("; ", layouts.Select(Describe)) + ".");
    }

    private static string Describe(Layout layout) =>
        $"{layout.Name} = {string.Join(" + ", layout.Markers)}"
        + string.Concat(layout.Absent.Select(absent => $", no {absent}"));

    /// <summary>Expands <c>${NAME}</c> and <c>${NAME:-default}</c> from <paramref name="variables"/>, then the
    /// environment; an unset name without a default fails, as the scripts' <c>set -u</c> does.</summary>
    public static string Expand(string text, IReadOnlyDictionary<string, string> variables, string context) =>
        Reference().Replace(text, m =>
        {
            var name = m.Groups[1].Value;
            var value = variables.GetValueOrDefault(name) ?? System.Environment.GetEnvironmentVariable(name);
            if (!string.IsNullOrEmpty(value)) return value;
            if (m.Groups[2].Success) return m.Groups[3].Value;
            throw new BuildFailure($"{context} needs the environment variable {name}, which is not set.",
                $"Set {name} (TVM's script reads it too).");
        });

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?\}")]
    private static partial Regex Reference();
}
