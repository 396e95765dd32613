using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TvmBuild.Tests.Support;

/// <summary>A redis-server of the test's own on a free loopback port, in memory only; stopped (by its process id) on
/// Dispose. The shared remote storage of a compiler cache, as a team's cache server would be.</summary>
public sealed class Redis : IDisposable
{
    private readonly Process _process;

    public int Port { get; }
    public string Url => $"redis://127.0.0.1:{Port}";

    public Redis()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var info = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        string[] args = ["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
        foreach (var arg in args) info.ArgumentList.Add(arg);
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
