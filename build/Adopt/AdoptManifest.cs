using TvmBuild.Engine;
using TvmBuild.Tvm;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

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
        var deserializer = new StaticDeserializerBuilder(new BuildYaml())
            .WithNamingConvention(SeparatedNames.Underscored).Build();
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
