namespace TvmBuild.Tests.Support;

/// <summary>tests/fixtures/fake-docker first on PATH: what the docker CLI was asked to do, call by call.</summary>
public sealed class FakeDocker
{
    public string Log { get; } = Path.Combine(BuildScript.TempDirectory("fake-docker-"), "calls.log");

    public Dictionary<string, string?> Environment(Dictionary<string, string?>? more = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = Path.Combine(BuildScript.RepoRoot, "tests", "fixtures", "fake-docker") + ":"
                + System.Environment.GetEnvironmentVariable("PATH"),
            ["FAKE_DOCKER_LOG"] = Log,
        };
        foreach (var (key, value) in more ?? []) environment[key] = value;
        return environment;
    }

    public List<List<string>> Calls => !File.Exists(Log)
        ? []
        : File.ReadAllText(Log).Split("--\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(call => call.TrimEnd('\n').Split('\n').ToList()).ToList();

    public List<List<string>> Runs => Calls.Where(c => c[0] == "run").ToList();

    /// <summary>Waits until a <c>run</c> is under way: its container id written, its command "running".</summary>
    public void WaitUntilRunning(TimeSpan timeout)
    {
        var marker = Log + ".running";
        using var appeared = new ManualResetEventSlim(File.Exists(marker));
        using var watcher = new FileSystemWatcher(Path.GetDirectoryName(Log)!, Path.GetFileName(marker));
        watcher.Created += (_, _) => appeared.Set();
        watcher.EnableRaisingEvents = true;
        if (!appeared.IsSet && File.Exists(marker)) appeared.Set(); // created before the watcher started
        if (!appeared.Wait(timeout)) throw new TimeoutException($"no docker run started within {timeout}");
    }
}
