namespace TvmBuild.Engine;

/// <summary>What a finished command left: its exit code, its output (stdout and stderr as they came) and how long it
/// took.</summary>
public sealed record CommandResult(int ExitCode, string Output, TimeSpan Duration);
