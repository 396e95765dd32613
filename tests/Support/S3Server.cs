using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TvmBuild.Tests.Support;

/// <summary>An S3-compatible server of the test's own (npm's s3rver, dev/ci) on a free loopback port, with one bucket;
/// stopped on Dispose. Its variables are what a CI machine sets for its bucket.</summary>
public sealed class S3Server : IDisposable
{
    private readonly Process _process;
    private readonly string _directory = BuildScript.TempDirectory("tvm-build-s3-");

    public const string Bucket = "tvm-results";
    public int Port { get; }

    public Dictionary<string, string?> Environment => new()
    {
        ["AWS_ENDPOINT_URL"] = $"http://127.0.0.1:{Port}",
        ["AWS_ACCESS_KEY_ID"] = "S3RVER", ["AWS_SECRET_ACCESS_KEY"] = "S3RVER", ["AWS_REGION"] = "us-east-1",
    };

    public static string Script => Path.Combine(BuildScript.RepoRoot, "dev", "ci", "node_modules", "s3rver", "bin",
        "s3rver.js");

    public S3Server()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Script, "--directory", _directory, "--port", Port.ToString(), "--address",
                     "127.0.0.1", "--configure-bucket", Bucket, "--silent" })
            info.ArgumentList.Add(arg);
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

    /// <summary>The stored objects' files, for a test that damages one.</summary>
    public string Directory => _directory;

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.WaitForExit();
        _process.Dispose();
    }
}
