namespace TvmBuild.Engine;

/// <summary>A command exited non-zero: the failing target's summary row names the command.</summary>
public sealed class ProcessFailure(Command command, int exitCode, string? hint)
    : Exception($"'{command.CommandLine}' exited with code {exitCode}.")
{
    public Command Command { get; } = command;
    public int ExitCode { get; } = exitCode;
    public string? Hint { get; } = hint;
}
