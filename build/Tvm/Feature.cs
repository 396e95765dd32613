namespace TvmBuild.Tvm;

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
