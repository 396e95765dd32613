using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace TvmBuild.Tests.Support;

/// <summary>Points this process's stdout and stderr (file descriptors 1 and 2) at one pipe until disposed, and
/// collects what comes through it, line by line: the console writer it offers and every child that inherits the two
/// (a command run attached to the terminal, as DevShell runs its container and CiTask its steps) write into it in
/// order, as into a script's stdout. Linux and macOS.</summary>
internal sealed class CapturedOutput : IDisposable
{
    private const int CloseOnExec = 0x80000; // O_CLOEXEC on Linux: only descriptors 1 and 2 reach a child
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(10);

    private readonly int _stdout;
    private readonly int _stderr;
    private readonly StreamWriter _writer;
    private readonly Thread _reader;
    private readonly StringBuilder _lines = new();
    private bool _disposed;

    public CapturedOutput()
    {
        var ends = new int[2];
        if ((OperatingSystem.IsLinux() ? Pipe2(ends, CloseOnExec) : Pipe(ends)) != 0) throw Failure("pipe");
        _stdout = Dup(1);
        _stderr = Dup(2);
        if (_stdout < 0 || _stderr < 0 || Dup2(ends[1], 1) < 0 || Dup2(ends[1], 2) < 0) throw Failure("dup2");
        var read = new FileStream(new SafeFileHandle(ends[0], ownsHandle: true), FileAccess.Read);
        _reader = new Thread(() => Collect(read)) { IsBackground = true, Name = "captured output" };
        _reader.Start();
        var write = new FileStream(new SafeFileHandle(ends[1], ownsHandle: true), FileAccess.Write, bufferSize: 1);
        _writer = new StreamWriter(write, new UTF8Encoding(false)) { AutoFlush = true };
        Console = TextWriter.Synchronized(_writer);
    }

    /// <summary>For Console.SetOut and SetError: the build's own lines go through the pipe too, so they keep their
    /// place among its children's.</summary>
    public TextWriter Console { get; }

    /// <summary>Restores stdout and stderr, then waits for the children's last lines (a child still running, e.g. one
    /// left in the background, holds the pipe open: after a while, what came so far).</summary>
    public string Finish()
    {
        Dispose();
        _reader.Join(Drain);
        lock (_lines) return _lines.ToString();
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _writer.Dispose();
        Dup2(_stdout, 1);
        Dup2(_stderr, 2);
        Close(_stdout);
        Close(_stderr);
    }

    private void Collect(Stream read)
    {
        using var reader = new StreamReader(read, Encoding.UTF8);
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            lock (_lines) _lines.Append(line).Append('\n');
    }

    private static InvalidOperationException Failure(string call) =>
        new($"{call} failed (errno {Marshal.GetLastPInvokeError()})");

    [DllImport("libc", EntryPoint = "pipe", SetLastError = true)]
    private static extern int Pipe(int[] ends);

    [DllImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    private static extern int Pipe2(int[] ends, int flags);

    [DllImport("libc", EntryPoint = "dup", SetLastError = true)]
    private static extern int Dup(int descriptor);

    [DllImport("libc", EntryPoint = "dup2", SetLastError = true)]
    private static extern int Dup2(int descriptor, int target);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int descriptor);
}
