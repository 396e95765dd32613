using YamlDotNet.Core;

namespace TvmBuild.Ci;

public sealed record YScalar(string Value, ScalarStyle Style) : YNode
{
    public static YScalar Plain(string value) => new(value, ScalarStyle.Plain);
    /// <summary>A value from the catalog: always double-quoted, escaped by the emitter, so it stays one
    /// value.</summary>
    public static YScalar Quoted(string value) => new(value, ScalarStyle.DoubleQuoted);
    public static YScalar Literal(string value) => new(value, ScalarStyle.Literal);
    public static implicit operator YScalar(string value) => Plain(value);
}
