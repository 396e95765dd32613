using System.Text.Json;
using TvmBuild.Tests.Safety;
using TvmBuild.Tests.Support;

namespace TvmBuild.Tests.Simulation;

/// <summary>Runs a Jenkinsfile under tests/Simulation/jenkins-engine.groovy: real steps on this machine, a fresh
/// agent folder per node, stash and unstash by copy. The run's events, each [event, branch path, values...], and
/// the output of each sh step.</summary>
public sealed record JenkinsRun(int ExitCode, List<string[]> Events, string Root)
{
    public static JenkinsRun Start(string jenkinsfile, string repository, IReadOnlyDictionary<string, string?> env)
    {
        var root = BuildScript.TempDirectory("jenkins-");
        var engine = Path.Combine(BuildScript.RepoRoot, "tests", "Simulation", "jenkins-engine.groovy");
        var environment = new Dictionary<string, string?>(env) { ["JAVA_HOME"] = JenkinsStub.JavaHome() };
        var (code, output) = Processes.Run("groovy", [engine, jenkinsfile, repository, root],
            environment: environment);
        var events = output.Split('\n').Where(l => l.StartsWith('['))
            .Select(l => JsonSerializer.Deserialize<string[]>(l) ?? throw new InvalidDataException(l)).ToList();
        if (events.Count == 0 || events[^1][0] != "result") throw new InvalidOperationException(output);
        return new JenkinsRun(code, events, root);
    }

    public string Result => Events[^1][2];

    /// <summary>Each stage's result, as "pipeline/stage": SUCCESS or FAILURE.</summary>
    public Dictionary<string, string> Stages => Events.Where(e => e[0] == "stage-result")
        .ToDictionary(e => e[1].Length == 0 ? e[2] : $"{e[1]}/{e[2]}", e => e[3]);

    /// <summary>The sh steps that ran the build, by the branch that ran them: the command, its exit code and
    /// output.</summary>
    public List<(string Branch, string Command, int Code, string Output)> BuildSteps => Events
        .Where(e => e[0] == "sh" && e[2].StartsWith("./build.sh"))
        .Select(e => (e[1], e[2], int.Parse(e[3]), File.ReadAllText(Path.Combine(Root, "logs", $"{e[4]}.log"))))
        .ToList();

    /// <summary>The output of the build step of the branch <paramref name="branch"/> ("cpu/unittest: CPU").</summary>
    public string Output(string branch) => BuildSteps.Single(s => s.Branch == branch).Output;

    /// <summary>The events of one kind, without the event's name.</summary>
    public List<string[]> Of(string kind) => Events.Where(e => e[0] == kind).Select(e => e[1..]).ToList();

    public override string ToString() => string.Join("\n", Events.Select(e => string.Join(" | ", e)));
}
