using System.IO.Hashing;
using System.Text.Json;
using System.Text.RegularExpressions;
using TvmBuild.Engine;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace TvmBuild.Tvm;

public static partial class Layouts
{
    /// <summary>build/layouts.yaml, shipped beside the compiled build.</summary>
    public static AbsolutePath File => AbsolutePath.Create(AppContext.BaseDirectory) / "layouts.yaml";

    /// <summary>The shipped layouts.yaml. Every run reads it, and parsing its YAML costs a warm start ~3 ms: the
    /// layouts are kept beside it as JSON (named by the YAML's hash), which reads ten times faster.</summary>
    public static IReadOnlyList<Layout> Shipped()
    {
        var yaml = System.IO.File.ReadAllBytes(File);
        var json = File.Parent / $"layouts.{XxHash3.HashToUInt64(yaml):x16}.json";
        if (json.FileExists())
            try
            {
                if (JsonSerializer.Deserialize(System.IO.File.ReadAllBytes(json), LayoutsJson.Default.ListLayout)
                    is { Count: > 0 } cached) return cached;
            }
            catch (JsonException) { } // damaged: parsed again below, and written again
        var layouts = Parse(File, System.Text.Encoding.UTF8.GetString(yaml));
        try { json.WriteAllTextAtomically(JsonSerializer.Serialize(layouts, LayoutsJson.Default.ListLayout)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // a read-only build: parse
        return layouts;
    }

    /// <summary>Reads a layouts.yaml; a malformed file names its line.</summary>
    public static IReadOnlyList<Layout> Load(AbsolutePath file) => Parse(file, System.IO.File.ReadAllText(file));

    private static List<Layout> Parse(AbsolutePath file, string text)
    {
        var deserializer = new StaticDeserializerBuilder(new BuildYaml())
            .WithNamingConvention(SeparatedNames.Underscored)
            .WithEnumNamingConvention(SeparatedNames.Hyphenated).Build();
        try
        {
            var layouts = deserializer.Deserialize<Dictionary<string, Layout>>(text);
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
        var layout = LayoutChoice.Choose(layouts, path => (tvm / path).Exists(), tvm);
        layout.Images = layout.Images.In(tvm);
        layout.TreePresets = PresetScriptsIn(tvm, layout.PresetScripts);
        return layout;
    }

    /// <summary>The tree's layout, or null when it is none (not a TVM tree, or of no known layout).</summary>
    public static Layout? TryDetect(AbsolutePath tvm)
    {
        try { return Detect(Shipped(), tvm); }
        catch (BuildFailure) { return null; }
    }

    /// <summary>The files matching <paramref name="pattern"/> (one '*' in its file name), by what the '*'
    /// stands for.</summary>
    private static Dictionary<string, string> PresetScriptsIn(AbsolutePath tvm, string? pattern)
    {
        if (pattern is null) return [];
        var folder = Path.GetDirectoryName(pattern) ?? "";
        var name = Path.GetFileName(pattern);
        var star = name.IndexOf('*');
        var (prefix, suffix) = (name[..star], name[(star + 1)..]);
        if (!(tvm / folder).DirectoryExists()) return [];
        return Directory.EnumerateFiles(tvm / folder, name).Select(Path.GetFileName).OfType<string>()
            .Where(f => f.Length > prefix.Length + suffix.Length)
            .ToDictionary(f => f[prefix.Length..^suffix.Length], f => $"{folder}/{f}");
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
            throw new BuildFailure($"{context} needs the environment variable {name}, which is not set.",
                $"Set {name} (TVM's script reads it too).");
        });

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?\}")]
    private static partial Regex Reference();
}
