using System.Text;
using Serilog;

namespace TvmBuild.Engine;

/// <summary>The one way targets run external tools, configured once per build (dry run, Ctrl-C, docker mode) and
/// handed to whoever runs a command. Logs the shell-quoted command first, streams output live, honours
/// <c>--dry-run</c>, and on cancellation interrupts the child, then kills its process tree. In docker mode every
/// command runs in the image; <see cref="OnHost"/> is the same runner for questions about this machine.</summary>
public sealed class ProcessRunner
{
    private const int TailLines = 40;
    private readonly ICommandWrapper? _wrapper;
    private ProcessRunner? _host;

    public ProcessRunner(bool dryRun, CancellationToken cancellation, ICommandWrapper? wrapper = null)
    {
        DryRun = dryRun;
        Cancellation = cancellation;
        _wrapper = wrapper;
    }

    /// <summary>For questions this machine answers at once and for clean-up that must finish (git's status, putting
    /// work back): on the host, never dry, never cut short by Ctrl-C. Immutable, so it holds no run's state.</summary>
    public static ProcessRunner Uncancellable { get; } = new(dryRun: false, CancellationToken.None);

    public bool DryRun { get; }
    public CancellationToken Cancellation { get; }

    /// <summary>Docker mode: commands run in the CI image, so tools are named, not looked up here.</summary>
    public bool InContainer => _wrapper is not null;

    /// <summary>This runner without the container: for questions about this machine (git's files, docker
    /// itself).</summary>
    public ProcessRunner OnHost => _wrapper is null ? this : _host ??= new ProcessRunner(DryRun, Cancellation);

    /// <summary>A path of this machine as the commands this runner starts see it (in docker mode, under the
    /// container's mount point).</summary>
    public string PathSeenByCommands(string path) => _wrapper?.PathSeenInside(path) ?? path;

    /// <summary>The same runner with every command rewritten by <paramref name="wrapper"/> (docker mode).</summary>
    public ProcessRunner WithWrapper(ICommandWrapper wrapper) => new(DryRun, Cancellation, wrapper);

    /// <summary>A tool to run: in a container its name (the image has it), here its path (<c>X_EXE</c>, then
    /// PATH).</summary>
    public string? TryFind(string name) => InContainer ? name : ToolResolver.TryFind(name);

    /// <summary>The tool, or a failure naming what to install.</summary>
    public string Find(string name, string installHint) => InContainer ? name : ToolResolver.Find(name, installHint);

    public CommandResult Run(Command command, RunOptions? options = null) =>
        Execute(command, options ?? RunOptions.Default, probe: false);

    /// <summary>Run on a thread of its own (the child's output is read with blocking reads), so that commands run in
    /// parallel never wait for the thread pool.</summary>
    public Task<CommandResult> RunAsync(Command command, RunOptions? options = null) =>
        OnOwnThread(() => Run(command, options));

    /// <summary>A read-only question (a version, git's file list): it runs even under --dry-run, logs only at verbose
    /// level and is not cancelled by Ctrl-C (clean-up after Ctrl-C asks questions too).</summary>
    public CommandResult Probe(Command command, RunOptions? options = null) =>
        Execute(command, (options ?? RunOptions.Default) with { Quiet = true }, probe: true);

    public Task<CommandResult> ProbeAsync(Command command, RunOptions? options = null) =>
        OnOwnThread(() => Probe(command, options));

    private static Task<CommandResult> OnOwnThread(Func<CommandResult> run) =>
        Task.Factory.StartNew(run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private CommandResult Execute(Command command, RunOptions options, bool probe)
    {
        if (_wrapper is not null) command = _wrapper.Wrap(command);
        if (DryRun && !probe)
        {
            Console.Out.WriteLine(command.ToShellString());
            return new CommandResult(0, "", TimeSpan.Zero);
        }

        if (options.Quiet) Log.Verbose("> {Command}", command.ToShellString());
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
            if (!options.Quiet) Log.Debug("{Line}", line);
        }

        var cancellation = probe ? CancellationToken.None : Cancellation;
        var started = DateTime.UtcNow;
        int exitCode;
        try
        {
            exitCode = ChildProcess.Run(command, OnLine, cancellation);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new BuildFailure($"Cannot start '{command.Executable}': not found or not executable.",
                "Install it, or check PATH.");
        }
        finally
        {
            _wrapper?.Finished(command, cancellation.IsCancellationRequested);
        }

        var result = new CommandResult(exitCode, output.ToString(), DateTime.UtcNow - started);
        if (exitCode == 0 || options.AllowFailure) return result;
        if (options.Quiet || Logging.Level.MinimumLevel > Serilog.Events.LogEventLevel.Debug)
            foreach (var line in tail) Log.Error("{Line}", line);
        var hint = string.Join(" ", new[] { options.FailureHint, command.FailureHint }.OfType<string>());
        throw new ProcessFailure(command, exitCode, hint.Length > 0 ? hint : null, result.Output);
    }

    /// <summary>Runs a command attached to this terminal (stdin, stdout, stderr inherited), e.g. an interactive shell,
    /// and returns its exit code. On Ctrl-C the child gets 5 seconds to end, then its process tree is killed, and the
    /// target is Aborted.</summary>
    public int RunAttached(Command command, bool evenInDryRun = false)
    {
        if (DryRun && !evenInDryRun)
        {
            Console.Out.WriteLine(command.ToShellString());
            return 0;
        }
        Log.Information("> {Command}", command.ToShellString());
        using var process = System.Diagnostics.Process.Start(ChildProcess.StartInfo(command))!;
        using var register = Cancellation.Register(() =>
        {
            if (!process.WaitForExit(ChildProcess.Grace)) process.Kill(entireProcessTree: true);
        });
        process.WaitForExit();
        Cancellation.ThrowIfCancellationRequested();
        return process.ExitCode;
    }
}
