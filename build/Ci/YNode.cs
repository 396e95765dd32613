using YamlDotNet.Core;

namespace TvmBuild.Ci;

/// <summary>A YAML node to emit: a scalar in a chosen style, a mapping (ordered) or a sequence, each with an optional
/// comment at the end of its line.</summary>
public abstract record YNode
{
    public string? Comment { get; init; }
}

public sealed record YMap(IReadOnlyList<(string Key, YNode Value)> Entries) : YNode
{
    public YMap(params (string, YNode)[] entries) : this((IReadOnlyList<(string, YNode)>)entries) { }
}

public sealed record YSeq(IReadOnlyList<YNode> Items, bool Flow = false) : YNode;

public sealed record YScalar(string Value, ScalarStyle Style) : YNode
{
    public static YScalar Plain(string value) => new(value, ScalarStyle.Plain);
    /// <summary>A value from the catalog: always double-quoted, escaped by the emitter, so it stays one
    /// value.</summary>
    public static YScalar Quoted(string value) => new(value, ScalarStyle.DoubleQuoted);
    public static YScalar Literal(string value) => new(value, ScalarStyle.Literal);
    public static implicit operator YScalar(string value) => Plain(value);
}
