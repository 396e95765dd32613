using TvmBuild.Engine;

namespace TvmBuild.Ci;

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

    /// <summary>The TVM layouts (build/layouts.yaml) whose CI the tasks reproduce; none: any.</summary>
    public IReadOnlyList<string> Layouts { get; init; } = [];

    /// <summary>The shared result cache CI runs with (TVM_BUILD_RESULT_CACHE), or null. With one, a task takes the
    /// artifacts of the tasks it needs from it by their key (<c>CiTask --name X --from-cache</c>) instead of a
    /// Jenkins stash.</summary>
    public string? ResultCache { get; init; }

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

    /// <summary>TVM's Jenkins pipelines (cpu, gpu, arm, wasm, docker: one Jenkinsfile each at TVM), in the order the
    /// catalog first names them, each with its stages in order; a task without a TVM stage is its own.</summary>
    public List<(string Pipeline, List<(string Stage, List<CiTaskSpec> Tasks)> Stages)> JenkinsPipelines() =>
        Tasks.Where(t => t.OnJenkins).GroupBy(t => t.Tvm?.Pipeline ?? t.Name)
            .Select(p => (p.Key, p.GroupBy(t => t.Stage).Select(s => (s.Key, s.ToList())).ToList())).ToList();
}
