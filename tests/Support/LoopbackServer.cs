using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TvmBuild.Tests.Support;

/// <summary>A server process of the test's own on a free loopback port, started and waited for until it accepts a
/// connection; killed (by its process id) on Dispose.</summary>
public sealed class LoopbackServer : IDisposable
{
    private readonly Process _process;

    public int Port { get; }

    /// <param name="arguments">The server's arguments for the port it is to listen on.</param>
    public LoopbackServer(string program, Func<int, IEnumerable<string>> arguments)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments(Port)) info.ArgumentList.Add(argument);
        _process = Process.Start(info)!;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        for (var waited = 0; ; waited += 50)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (waited < 10_000 && !_process.HasExited)
            {
                Thread.Sleep(50);
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.WaitForExit();
        _process.Dispose();
    }
}
