using TvmBuild.Engine;

namespace TvmBuild.Ci;

/// <summary>The stage of TVM's CI a task reproduces: a pipeline (cpu, gpu, arm, wasm, docker: TVM's
/// ci/jenkins/generated/&lt;pipeline&gt;_jenkinsfile.groovy; lint.yml, main.yml: its workflows) and the stage's name
/// there, which people see in Jenkins or GitHub ("unittest: CPU", "BUILD: GPU", "MacOS").</summary>
public sealed record TvmStage(string Pipeline, string Stage);

/// <summary>One run of the build within a task: targets and parameters (the task's, overridden by the step's), its
/// environment, the arguments after <c>--</c> (DevShell's command), and the calls of TVM's CI it stands for.</summary>
public sealed record CiStep(
    IReadOnlyList<string> Targets,
    IReadOnlyList<(string Name, IReadOnlyList<string> Values)> Parameters,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<string> Command,
    IReadOnlyList<string> Tvm)
{
    /// <summary>The value of a parameter (the last one given), or null.</summary>
    public IReadOnlyList<string>? Parameter(string name) =>
        Parameters.LastOrDefault(p => p.Name == name) is { Name: not null } found ? found.Values : null;
}

/// <summary>One CI task of ci/catalog.yaml.</summary>
public sealed record CiTaskSpec(
    string Name,
    int Line,
    string Image,
    string? Agent,
    string? Runner,
    IReadOnlyList<string> Ci,
    string Stage,
    TvmStage? Tvm,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<CiStep> Steps,
    IReadOnlyList<string> Uses,
    IReadOnlyList<string> Produces,
    IReadOnlyList<string> Needs,
    int Shards,
    int Timeout,
    IReadOnlyList<string> On)
{
    /// <summary>The names people see for it in TVM's CI, which CiTask --name accepts too.</summary>
    public IReadOnlyList<string> Aliases => Tvm is null ? [] : [Tvm.Stage];

    public bool OnJenkins => Ci.Contains(CiCatalog.Jenkins);
    public bool OnGitHub => Ci.Contains(CiCatalog.GitHub);

    /// <summary>A step's command line: its targets (bare --skip: only them, when the task takes artifacts), its
    /// parameters, the tree, <paramref name="extra"/> options, then what follows <c>--</c>.</summary>
    public List<string> Arguments(CiStep step, AbsolutePath? tvmHome, IReadOnlyList<string>? extra = null)
    {
        var arguments = new List<string>(step.Targets);
        if (Needs.Count > 0) arguments.Add("--skip"); // what the build stage did comes as artifacts
        foreach (var (name, values) in step.Parameters)
        {
            if (values is ["true"]) arguments.Add($"--{name}");
            else if (values is not ["false"]) arguments.AddRange([$"--{name}", .. values]);
        }
        if (tvmHome is not null) arguments.AddRange(["--tvm-home", tvmHome]);
        arguments.AddRange(extra ?? []);
        if (step.Command.Count > 0) arguments.AddRange(["--", .. step.Command]);
        return arguments;
    }
}

/// <summary>What TVM's CI does that no task maps: names of its stages, calls or workflow steps, and why. Done: the
/// generated files or the build do it another way; otherwise it is left out.</summary>
public sealed record NotMapped(IReadOnlyList<string> Names, string Why, bool Done);

/// <summary>The catalog. A task whose image is <c>host</c> runs on the agent itself (no container).</summary>
public sealed record CiCatalog(
    AbsolutePath File, IReadOnlyList<CiTaskSpec> Tasks, string JunitPattern, string GithubRunner,
    IReadOnlyList<NotMapped> NotMapped)
{
    public static readonly string[] ChangeKinds = ["code", "docs", "docker"];
    public const string Host = "host";
    public const string Jenkins = "jenkins";
    public const string GitHub = "github";
    public const string PrepareStage = "Prepare";

    /// <summary>A task by its name or one of its aliases (any case); an unknown name gets a did-you-mean over
    /// both.</summary>
    public CiTaskSpec Find(string name)
    {
        var found = Tasks.FirstOrDefault(t => t.Name == name)
            ?? Tasks.FirstOrDefault(t => t.Aliases.Any(a => a.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase)));
        if (found is not null) return found;
        var names = Tasks.SelectMany(t => t.Aliases.Prepend(t.Name)).ToList();
        throw new BuildFailure($"Unknown CI task '{name}'.",
            $"{ExecutionPlanner.DidYouMean(name, names)}Tasks: {string.Join(", ", Tasks.Select(Described))}.");
    }

    private static string Described(CiTaskSpec task) =>
        task.Aliases.Count == 0 ? task.Name : $"{task.Name} (\"{string.Join("\", \"", task.Aliases)}\")";

    /// <summary>The tasks <paramref name="task"/> needs, all of them, each before what needs it.</summary>
    public List<CiTaskSpec> NeedsOf(CiTaskSpec task)
    {
        var order = new List<CiTaskSpec>();
        void Visit(CiTaskSpec t)
        {
            foreach (var need in t.Needs.Select(Find).Where(n => !order.Contains(n))) Visit(need);
            if (t != task && !order.Contains(t)) order.Add(t);
        }
        Visit(task);
        return order;
    }

    /// <summary>The Jenkins stages in the order the catalog first names them, with their tasks (parallel
    /// within).</summary>
    public List<(string Stage, List<CiTaskSpec> Tasks)> JenkinsStages() => Tasks.Where(t => t.OnJenkins)
        .GroupBy(t => t.Stage).Select(g => (g.Key, g.ToList())).ToList();
}
