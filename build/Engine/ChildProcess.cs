using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace TvmBuild.Engine;

/// <summary>One command as a child process: no input, its output read line by line as it comes (stdout and stderr
/// interleaved), its exit code. On cancellation the child is interrupted as Ctrl-C would (SIGINT; on Windows the
/// console sent it one already), given <see cref="Grace"/> to end, then its process tree is killed, and the wait
/// throws <see cref="OperationCanceledException"/>. Blocking reads on plain <see cref="Process"/>: the asynchronous
/// pipeline of a process library cost every run ~25 CPU ms of start-up (tests/bench/cpu.sh).</summary>
internal static class ChildProcess
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    private const int Sigint = 2;

    public static int Run(Command command, Action<string> onLine, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        var info = StartInfo(command);
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.StandardOutputEncoding = Encoding.UTF8;
        info.StandardErrorEncoding = Encoding.UTF8;

        using var process = Process.Start(info)!; // Win32Exception: not found or not executable
        process.StandardInput.Close();
        var gate = new object();
        void Pump(StreamReader reader)
        {
            for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
                lock (gate) onLine(line);
        }
        var errors = new Thread(() => Pump(process.StandardError)) { IsBackground = true, Name = "stderr" };
        errors.Start();
        using (cancellation.Register(() => Interrupt(process)))
        {
            Pump(process.StandardOutput);
            errors.Join();
            process.WaitForExit();
        }
        cancellation.ThrowIfCancellationRequested();
        return process.ExitCode;
    }

    /// <summary>The command's program, arguments (one each, no shell), folder and environment (a null value unsets
    /// the variable).</summary>
    public static ProcessStartInfo StartInfo(Command command)
    {
        var info = new ProcessStartInfo(command.Executable)
        {
            WorkingDirectory = command.WorkingDirectory ?? Directory.GetCurrentDirectory(),
            UseShellExecute = false,
        };
        foreach (var argument in command.Arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in command.Environment ?? new Dictionary<string, string?>())
            if (value is null) info.Environment.Remove(key);
            else info.Environment[key] = value;
        return info;
    }

    /// <summary>SIGINT now, the whole tree after the grace period; never blocks the thread that cancels.</summary>
    private static void Interrupt(Process process)
    {
        try
        {
            if (!OperatingSystem.IsWindows()) _ = Kill(process.Id, Sigint);
        }
        catch (Exception e) when (e is InvalidOperationException or DllNotFoundException or EntryPointNotFoundException)
        {
            // already gone, or no libc: the kill below still ends it
        }
        _ = Task.Run(() =>
        {
            try
            {
                if (!process.WaitForExit(Grace)) process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
            {
                // it ended and was disposed meanwhile
            }
        });
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
