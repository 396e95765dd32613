using TvmBuild.Engine;

namespace TvmBuild.Lint;

/// <summary>A linter's npm package at the version the tree pins, or the nearest one npm serves (named, never silently
/// swapped). <see cref="Directory"/> is the installed package, null when it could not be had (<see cref="Problem"/>
/// says why) or under --dry-run before it was ever installed.</summary>
public sealed record PinnedPackage(string Package, string Pinned, string Used, AbsolutePath? Directory, string? Problem)
{
    public bool Exact => Used == Pinned;
    public string Version => Exact ? Used : $"{Used} (pin {Pinned})";

    /// <summary>The script a package.json <c>bin</c> entry names, e.g. clang-format's CLI.</summary>
    public string? Bin(string name)
    {
        if (Directory is not { } dir) return null;
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(dir / "package.json"));
        return manifest?["bin"]?[name]?.GetValue<string>() is { } bin ? (string)(dir / bin.TrimStart('.', '/')) : null;
    }
}
