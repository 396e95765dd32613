using System.Text;
using CliWrap;

namespace TvmBuild.Tests.Support;

/// <summary>Runs a tool the tests need directly (git, bash, groovy, node...) and returns its exit code and output
/// (stdout, then stderr).</summary>
public static class Processes
{
    public static (int Code, string Output) Run(string tool, IEnumerable<string> args, string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var result = Cli.Wrap(tool)
            .WithArguments(args)
            .WithWorkingDirectory(workingDirectory ?? Directory.GetCurrentDirectory())
            .WithEnvironmentVariables(environment ?? new Dictionary<string, string?>())
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(stdout))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr))
            .ExecuteAsync().GetAwaiter().GetResult();
        return (result.ExitCode, stdout.ToString() + stderr);
    }
}
