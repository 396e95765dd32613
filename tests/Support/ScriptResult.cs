namespace TvmBuild.Tests.Support;

/// <summary>What a user saw from a script: its exit code and its output, stdout and stderr interleaved
/// by line.</summary>
public sealed record ScriptResult(int ExitCode, string Output)
{
    public override string ToString() => $"exit {ExitCode}\n{Output}";
}
