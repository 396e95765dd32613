namespace TvmBuild.Tests.Support;

/// <summary>A redis-server of the test's own on a free loopback port, in memory only; stopped (by its process id) on
/// Dispose. The shared remote storage of a compiler cache, as a team's cache server would be.</summary>
public sealed class Redis : IDisposable
{
    private readonly LoopbackServer _server = new("redis-server",
        port => ["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]);

    public int Port => _server.Port;
    public string Url => $"redis://127.0.0.1:{Port}";

    public void Dispose() => _server.Dispose();
}
