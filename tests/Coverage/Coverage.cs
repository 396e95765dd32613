using System.Text.RegularExpressions;
using TvmBuild.Ci;

namespace TvmBuild.Tests.Coverage;

/// <summary>Compares TVM's CI (as TvmCiScan reads it) with the catalog: every stage and call is mapped by a task or
/// named in left_out/done_elsewhere; every task maps a stage TVM has (nothing invented); a mapped stage runs on the
/// same agent or runner, in the same image, in the same outer stage, with the same environment, and its steps
/// stand for TVM's calls in TVM's order with the same configs, CMake targets, cache bucket and docker
/// options; it stashes the files the stage uploads and unstashes what the stage downloads (StashCoverage).</summary>
public static partial class Coverage
{
    public static List<string> Problems(TvmCi tvm, CiCatalog catalog)
    {
        var problems = new List<string>();
        var accounted = catalog.NotMapped.SelectMany(n => n.Names).ToHashSet();
        var used = new HashSet<string>();
        bool Accounted(string name) => accounted.Contains(name) && used.Add(name) | true;
        List<string> ours = [CiCatalog.PrepareStage, .. catalog.JenkinsStages().Select(s => s.Stage)];
        var mapped = new HashSet<CiTaskSpec>();
        foreach (var pipeline in tvm.Pipelines)
        {
            if (Accounted(pipeline.Name)) continue;
            var jenkins = !pipeline.Name.EndsWith(".yml");
            var kept = pipeline.Stages.Where(s => ours.Contains(s) || !Accounted(s)).ToList();
            foreach (var stage in kept.Where(s => !ours.Contains(s)))
                problems.Add($"{pipeline.Name}: stage('{stage}') is neither a stage of the Jenkinsfile nor left out");
            var inOrder = kept.Where(ours.Contains).ToList();
            if (!inOrder.SequenceEqual(inOrder.OrderBy(ours.IndexOf)))
                problems.Add($"{pipeline.Name}: stages run as {string.Join(", ", inOrder)}, " +
                             $"the Jenkinsfile's order is {string.Join(", ", ours)}");
            foreach (var step in pipeline.Steps.Where(s => !Accounted(s.Name)))
            {
                var task = catalog.Tasks.FirstOrDefault(t => t.Tvm == new TvmStage(pipeline.Name, step.Name));
                if (task is null)
                {
                    problems.Add($"{pipeline.Name}: \"{step.Name}\" is neither mapped by a task " +
                                 $"(tvm: {{ pipeline: {pipeline.Name}, stage: \"{step.Name}\" }}) " +
                                 "nor named in left_out or done_elsewhere");
                    continue;
                }
                mapped.Add(task);
                var where = $"task {task.Name} ({pipeline.Name}: \"{step.Name}\")";
                void Same(string what, string? theirs, string? mine)
                {
                    if (theirs != mine)
                        problems.Add($"{where}: {what} is {Show(mine)} here, {Show(theirs)} in TVM's CI");
                }
                var ci = jenkins ? CiCatalog.Jenkins : CiCatalog.GitHub;
                Same("the CI", ci, task.Ci.Contains(ci) ? ci : string.Join("+", task.Ci));
                Same(jenkins ? "the agent" : "the runner", step.Node,
                    jenkins ? task.Agent : task.Runner ?? catalog.GithubRunner);
                Same("the image", step.Image ?? CiCatalog.Host, task.Image);
                if (jenkins) Same("the stage", step.Stage, task.Stage);
                foreach (var (key, value) in step.Environment)
                {
                    if (!value.Contains("${")) Same(key, value, task.Environment.GetValueOrDefault(key));
                    else if (!Accounted(key))
                        problems.Add($"{where}: {key}={value} is set at run time and not left out");
                }
                Calls(problems, where, step, task, Accounted);
                StashCoverage.Check(problems, where, tvm, pipeline, step, task, catalog, Accounted);
            }
        }
        foreach (var task in catalog.Tasks.Where(t => !mapped.Contains(t)))
            problems.Add(task.Tvm is null
                ? $"task {task.Name} maps no stage of TVM's CI (add tvm: {{ pipeline, stage }})"
                : $"task {task.Name} maps {task.Tvm.Pipeline}: \"{task.Tvm.Stage}\", which TVM's CI does not have");
        foreach (var name in accounted.Where(n => !used.Contains(n)).Order())
            problems.Add($"left_out/done_elsewhere names \"{name}\", which TVM's CI does not have");
        return problems;
    }

    /// <summary>The task's steps stand for the stage's calls in order; each call's settings match the step's.</summary>
    private static void Calls(
        List<string> problems, string where, TvmStep stage, CiTaskSpec task, Func<string, bool> accounted)
    {
        var theirs = stage.Calls.Where(c => !accounted(c.Script) && !accounted(c.Key)).ToList();
        var ours = task.Steps.SelectMany(s => s.Tvm.Select(name => (Step: s, Name: name))).ToList();
        if (!theirs.Select(c => c.Key).SequenceEqual(ours.Select(o => o.Name)))
        {
            problems.Add($"{where}: the steps stand for [{string.Join(", ", ours.Select(o => o.Name))}], " +
                         $"TVM's CI calls [{string.Join(", ", theirs.Select(c => c.Key))}]");
            return;
        }
        foreach (var (call, (step, name)) in theirs.Zip(ours))
        {
            void Same(string parameter, string? value)
            {
                var mine = step.Parameter(parameter) is { } values ? string.Join(" ", values) : null;
                if (value is not null && mine != value)
                    problems.Add($"{where}, {name}: --{parameter} is {Show(mine)} here, {Show(value)} in TVM's CI");
            }
            if (ConfigScript().Match(call.Script) is { Success: true } config) Same("preset", config.Groups[1].Value);
            if (call.Option("--sccache-bucket") is { } bucket)
            {
                Same("compiler-cache", "sccache");
                Same("sccache-bucket", bucket);
                Same("sccache-region", call.Option("--sccache-region"));
            }
            if (call.Option("--cmake-target") is { } target) Same("cmake-target", target);
            if (call.Script == "docker/build.sh") Same("image", call.Arguments!.Split(' ')[0]);
            var docker = (call.Docker ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (docker.Contains("--no-gpu")) Same("no-gpu", "true");
            for (var i = 0; i + 1 < docker.Length; i++)
                if (docker[i] == "--env" && !accounted(docker[i + 1]))
                    problems.Add(
                        $"{where}, {name}: bash.sh passes {docker[i + 1]} into the container; map it or leave it out");
        }
    }

    private static string Show(string? value) => value is null ? "(none)" : $"\"{value}\"";

    [GeneratedRegex(@"^task_config_build_(\w+)\.sh$")]
    private static partial Regex ConfigScript();
}
