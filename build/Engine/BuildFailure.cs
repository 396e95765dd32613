using System.Text.RegularExpressions;

namespace TvmBuild.Engine;

/// <summary>A known failure: printed as one line plus a hint, never with a stack trace.</summary>
public sealed partial class BuildFailure(string message, string? hint = null) : Exception(message)
{
    public string? Hint { get; } = hint;
    public override string ToString() => Hint is null ? Message : $"{Message} {Hint}";

    /// <summary>Why an I/O call failed, without the path .NET appends (" : '/x/y.tmp'"): callers name the
    /// file.</summary>
    public static string Reason(Exception e) => PathSuffix().Replace(e.Message, "");

    [GeneratedRegex(@"\s*: '[^']*'$")]
    private static partial Regex PathSuffix();
}
