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
}
