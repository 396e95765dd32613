namespace TvmBuild.Engine;

/// <summary>A command exited non-zero: the failing target's summary row names the command. Its output is kept so that
/// a target can quote the cause (the first compiler error) instead.</summary>
public sealed class ProcessFailure(Command command, int exitCode, string? hint, string output = "")
    : Exception($"'{command.CommandLine}' exited with code {exitCode}.")
{
    public Command Command { get; } = command;
    public int ExitCode { get; } = exitCode;
    public string? Hint { get; } = hint;
    public string Output { get; } = output;
}
