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
}
