namespace TvmBuild.Tests.Support;

/// <summary>An S3-compatible server of the test's own (npm's s3rver, dev/ci) on a free loopback port, with one bucket;
/// stopped on Dispose. Its variables are what a CI machine sets for its bucket.</summary>
public sealed class S3Server : IDisposable
{
    private readonly LoopbackServer _server;

    public const string Bucket = "tvm-results";
    public int Port => _server.Port;

    public Dictionary<string, string?> Environment => new()
    {
        ["AWS_ENDPOINT_URL"] = $"http://127.0.0.1:{Port}",
        ["AWS_ACCESS_KEY_ID"] = "S3RVER", ["AWS_SECRET_ACCESS_KEY"] = "S3RVER", ["AWS_REGION"] = "us-east-1",
    };

    public static string Script => Path.Combine(BuildScript.RepoRoot, "dev", "ci", "node_modules", "s3rver", "bin",
        "s3rver.js");

    public S3Server()
    {
        var directory = BuildScript.TempDirectory("tvm-build-s3-");
        _server = new LoopbackServer("node", port => [Script, "--directory", directory, "--port", port.ToString(),
            "--address", "127.0.0.1", "--configure-bucket", Bucket, "--silent"]);
    }

    public void Dispose() => _server.Dispose();
}
