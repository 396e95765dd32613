using System.Text;
using CliWrap;
using Serilog;

namespace TvmBuild.Engine;

public sealed record CommandResult(int ExitCode, string Output, TimeSpan Duration);

/// <summary>Runs commands elsewhere (docker mode): rewrites each one, and cleans up after it ended or was cancelled.</summary>
public interface ICommandWrapper
{
    Command Wrap(Command command);
    void Finished(Command wrapped, bool cancelled);
}

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

    /// <summary>Rewrites every command before it runs and hears when it ended (docker mode runs them in a container).</summary>
    public static ICommandWrapper? Wrapper { get; set; }

    /// <summary>Runs <paramref name="command"/>; a non-zero exit fails the target unless <paramref name="allowFailure"/>.
    /// <paramref name="probe"/> marks a read-only query that runs even under <c>--dry-run</c> and logs quietly;
    /// <paramref name="onHost"/> keeps it on this machine in docker mode (a question about the host, not the image).</summary>
    public static CommandResult Run(Command command, bool allowFailure = false, bool probe = false, bool onHost = false, bool logOutput = true, string? failureHint = null)
        => RunAsync(command, allowFailure, probe, onHost, logOutput, failureHint).GetAwaiter().GetResult();

    public static async Task<CommandResult> RunAsync(Command command, bool allowFailure = false, bool probe = false, bool onHost = false, bool logOutput = true, string? failureHint = null)
    {
        var wrapper = onHost ? null : Wrapper;
        if (wrapper is not null) command = wrapper.Wrap(command);
        if (DryRun && !probe)
        {
            Console.Out.WriteLine(command.ToShellString());
            return new CommandResult(0, "", TimeSpan.Zero);
        }

        if (probe || !logOutput) Log.Verbose("> {Command}", command.ToShellString());
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

        // Probes are short and also serve clean-up after Ctrl-C, so they are not cancelled.
        var cancellation = probe ? CancellationToken.None : Cancellation;
        using var forceful = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var register = cancellation.Register(() => forceful.CancelAfter(TimeSpan.FromSeconds(5)));
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
            exitCode = (await cli.ExecuteAsync(forceful.Token, cancellation)).ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new BuildFailure($"Cannot start '{command.Executable}': not found or not executable.", "Install it, or check PATH.");
        }
        finally
        {
            wrapper?.Finished(command, cancellation.IsCancellationRequested);
        }

        var result = new CommandResult(exitCode, output.ToString(), DateTime.UtcNow - started);
        if (exitCode != 0 && !allowFailure)
        {
            if (!logOutput || Logging.Level.MinimumLevel > Serilog.Events.LogEventLevel.Debug)
                foreach (var line in tail) Log.Error("{Line}", line);
            throw new ProcessFailure(command, exitCode, string.Join(" ", new[] { failureHint, command.FailureHint }.OfType<string>()) is { Length: > 0 } hint ? hint : null);
        }
        return result;
    }

    /// <summary>Runs a command attached to this terminal (stdin, stdout, stderr inherited), e.g. an interactive shell,
    /// and returns its exit code. On Ctrl-C the child gets 5 seconds to end, then its process tree is killed.</summary>
    public static int RunAttached(Command command, bool evenInDryRun = false)
    {
        if (DryRun && !evenInDryRun)
        {
            Console.Out.WriteLine(command.ToShellString());
            return 0;
        }
        Log.Information("> {Command}", command.ToShellString());
        var info = new System.Diagnostics.ProcessStartInfo(command.Executable) { WorkingDirectory = command.WorkingDirectory ?? "" };
        foreach (var argument in command.Arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in command.Environment ?? new Dictionary<string, string?>()) info.Environment[key] = value;
        using var process = System.Diagnostics.Process.Start(info)!;
        using var register = Cancellation.Register(() =>
        {
            if (!process.WaitForExit(TimeSpan.FromSeconds(5))) process.Kill(entireProcessTree: true);
        });
        process.WaitForExit();
        Cancellation.ThrowIfCancellationRequested(); // Ctrl-C ended it: the target is Aborted, not failed
        return process.ExitCode;
    }
}
