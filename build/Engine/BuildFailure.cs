namespace TvmBuild.Engine;

/// <summary>A known failure: printed as one line plus a hint, never with a stack trace.</summary>
public sealed class BuildFailure(string message, string? hint = null) : Exception(message)
{
    public string? Hint { get; } = hint;
    public override string ToString() => Hint is null ? Message : $"{Message} {Hint}";
}
