namespace TvmBuild.Engine;

/// <summary>A known failure: printed as one line plus a hint, never with a stack trace.</summary>
public sealed class BuildFailure(string message, string? hint = null) : Exception(message)
{
    public string? Hint { get; } = hint;
    public override string ToString() => Hint is null ? Message : $"{Message} {Hint}";
}

/// <summary>Nuke's <c>Assert</c>: checks that fail the running target with a clear message.</summary>
public static class Assert
{
    public static void True(bool condition, string message, string? hint = null)
    {
        if (!condition) throw new BuildFailure(message, hint);
    }

    public static Exception Fail(string message, string? hint = null) => throw new BuildFailure(message, hint);
}
