using System.Text;
using CliWrap;
using Serilog;

namespace TvmBuild.Engine;

public sealed record CommandResult(int ExitCode, string Output, TimeSpan Duration);

/// <summary>A command exited non-zero: the failing target's summary row names the command.</summary>
public sealed class ProcessFailure(Command command, int exitCode, string? hint)
    : Exception($"'{command.CommandLine}' exited with code {exitCode}.")
{
    public Command Command { get; } = command;
    public int ExitCode { get; } = exitCode;
    public string? Hint { get; } = hint;
}

/// <summary>The one way targets run external tools. Logs the shell-quoted command first, streams output live,
/// honours <c>--dry-run</c>, and on cancellation interrupts the child, then kills its process tree.</summary>
public static class ProcessTasks
{
    private const int TailLines = 40;

    public static bool DryRun { get; internal set; }
    public static CancellationToken Cancellation { get; internal set; }

    /// <summary>Rewrites every command before it runs (docker mode runs them inside a container).</summary>
    public static Func<Command, Command>? Transform { get; set; }

    /// <summary>Runs <paramref name="command"/>; a non-zero exit fails the target unless <paramref name="allowFailure"/>.
    /// <paramref name="probe"/> marks a read-only query that runs even under <c>--dry-run</c> and logs quietly.</summary>
    public static CommandResult Run(Command command, bool allowFailure = false, bool probe = false, bool logOutput = true, string? failureHint = null)
        => RunAsync(command, allowFailure, probe, logOutput, failureHint).GetAwaiter().GetResult();

    public static async Task<CommandResult> RunAsync(Command command, bool allowFailure = false, bool probe = false, bool logOutput = true, string? failureHint = null)
    {
        if (!probe && Transform is not null) command = Transform(command);
        if (DryRun && !probe)
        {
            Console.Out.WriteLine(command.ToShellString());
            return new CommandResult(0, "", TimeSpan.Zero);
        }

        if (probe) Log.Verbose("> {Command}", command.ToShellString());
        else Log.Information("> {Command}", command.ToShellString());

        var output = new StringBuilder();
        var tail = new Queue<string>();
        void OnLine(string line)
        {
            lock (output)
            {
                output.AppendLine(line);
                tail.Enqueue(line);
                if (tail.Count > TailLines) tail.Dequeue();
            }
            if (logOutput && !probe) Log.Debug("{Line}", line);
        }

        using var forceful = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        using var register = Cancellation.Register(() => forceful.CancelAfter(TimeSpan.FromSeconds(5)));
        var started = DateTime.UtcNow;
        int exitCode;
        try
        {
            var cli = Cli.Wrap(command.Executable)
                .WithArguments(command.Arguments)
                .WithWorkingDirectory(command.WorkingDirectory ?? Directory.GetCurrentDirectory())
                .WithEnvironmentVariables(command.Environment ?? new Dictionary<string, string?>())
                .WithValidation(CommandResultValidation.None)
                .WithStandardOutputPipe(PipeTarget.ToDelegate(OnLine))
                .WithStandardErrorPipe(PipeTarget.ToDelegate(OnLine));
            exitCode = (await cli.ExecuteAsync(forceful.Token, Cancellation)).ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new BuildFailure($"Cannot start '{command.Executable}': not found or not executable.",
                "Install it, or check PATH (./build.sh Doctor lists what each target needs).");
        }

        var result = new CommandResult(exitCode, output.ToString(), DateTime.UtcNow - started);
        if (exitCode != 0 && !allowFailure)
        {
            if (!logOutput || Logging.Level.MinimumLevel > Serilog.Events.LogEventLevel.Debug)
                foreach (var line in tail) Log.Error("{Line}", line);
            throw new ProcessFailure(command, exitCode, failureHint);
        }
        return result;
    }
}
