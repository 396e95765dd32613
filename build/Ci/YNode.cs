namespace TvmBuild.Ci;

/// <summary>A YAML node to emit: a scalar in a chosen style, a mapping (ordered) or a sequence, each with an optional
/// comment at the end of its line.</summary>
public abstract record YNode
{
    public string? Comment { get; init; }
}
