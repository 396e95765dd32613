using TvmBuild.Engine;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TvmBuild.Ci;

/// <summary>Reads and checks ci/catalog.yaml; every error names the file and line. Values that reach the generated
/// files must fit their shape (CatalogValue); unknown fields, targets and parameters are errors.</summary>
public static class CatalogReader
{
    private static readonly string[] TaskFields =
    [
        "tvm", "ci", "image", "agent", "runner", "stage", "environment", "parameters", "targets", "steps", "uses",
        "produces", "needs", "shards", "timeout", "on", "repository",
    ];
    private static readonly string[] StepFields = ["tvm", "targets", "parameters", "environment", "command"];

    /// <summary>Null <paramref name="targets"/> or <paramref name="parameters"/>: their names are not
    /// checked.</summary>
    public static CiCatalog Load(AbsolutePath file, IReadOnlySet<string>? targets, IReadOnlySet<string>? parameters)
    {
        if (!file.FileExists())
            throw new BuildFailure($"{file} does not exist.", "The CI catalog lives in ci/catalog.yaml of tvm-build.");
        var stream = new YamlStream();
        try { stream.Load(new StringReader(file.ReadAllText())); }
        catch (YamlException e)
        {
            throw new BuildFailure($"{file}:{e.Start.Line}: {e.InnerException?.Message ?? e.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new BuildFailure($"{file}:1: the catalog must be a mapping with 'tasks'.");
        var y = new YamlFields(file);
        y.Known(root, "", ["settings", "tasks", "left_out", "done_elsewhere"]);
        var settings = YamlFields.Child(root, "settings") as YamlMappingNode;
        if (settings is not null)
            y.Known(settings, "settings: ", ["junit", "github_runner", "layouts", "result_cache"]);
        var tasksNode = YamlFields.Child(root, "tasks") as YamlMappingNode
            ?? throw y.Error(root, "missing 'tasks' mapping");
        var reader = new TaskReader(y, targets, parameters);
        var tasks = tasksNode.Children.Select(p => reader.Task(p.Key, p.Value)).ToList();
        string Setting(string key, string fallback, CatalogValue shape) =>
            settings is not null && YamlFields.Child(settings, key) is YamlScalarNode { Value: not null } node
                ? y.Checked(node, shape, "settings: ") : fallback;
        var catalog = new CiCatalog(file, tasks,
            Setting("junit", "build-*/pytest-results/*.xml", CatalogValue.JunitGlob),
            Setting("github_runner", "ubuntu-22.04", CatalogValue.Runner),
            [
                .. NotMapped(y, root, "left_out", "why", done: false),
                .. NotMapped(y, root, "done_elsewhere", "how", done: true),
            ])
        {
            Layouts = settings is null ? [] : [.. y.Scalars(settings, "layouts", "settings: ").Select(n => n.Value!)],
            ResultCache = Setting("result_cache", "", CatalogValue.ResultStore) is { Length: > 0 } store ? store : null,
        };
        CatalogChecks.Run(catalog, y);
        return catalog;
    }

    private static IEnumerable<NotMapped> NotMapped(
        YamlFields y, YamlMappingNode root, string key, string reason, bool done)
    {
        if (YamlFields.Child(root, key) is not { } node) yield break;
        if (node is not YamlSequenceNode list) throw y.Error(node, $"'{key}' must be a list of {{ names, {reason} }}");
        foreach (var item in list)
        {
            if (item is not YamlMappingNode entry)
                throw y.Error(item, $"'{key}': an entry is {{ names: [...], {reason}: ... }}");
            y.Known(entry, $"{key}: ", ["names", reason]);
            var names = y.Scalars(entry, "names", $"{key}: ")
                .Select(n => y.Checked(n, CatalogValue.TvmName, $"{key}: ")).ToList();
            var text = y.Required(entry, reason, CatalogValue.Text, $"{key}: ", $"an entry of '{key}' has no {reason}");
            yield return new NotMapped(names, text, done);
        }
    }

    private sealed class TaskReader(YamlFields y, IReadOnlySet<string>? targets, IReadOnlySet<string>? parameters)
    {
        public CiTaskSpec Task(YamlNode key, YamlNode value)
        {
            var nameNode = key as YamlScalarNode ?? throw y.Error(key, "a task name must be a plain value");
            var name = y.Checked(nameNode, CatalogValue.TaskName, "");
            if (value is not YamlMappingNode task) throw y.Error(key, $"task '{name}' must be a mapping");
            var context = $"task '{name}': ";
            y.Known(task, context, TaskFields);
            var tvm = Tvm(task, context);
            var ci = y.Scalars(task, "ci", context)
                .Select(n => y.OneOf(n, [CiCatalog.Jenkins, CiCatalog.GitHub], context)).ToList();
            if (ci.Count == 0)
                ci = tvm is null ? [CiCatalog.Jenkins, CiCatalog.GitHub]
                    : tvm.Pipeline.EndsWith(".yml") ? [CiCatalog.GitHub] : [CiCatalog.Jenkins];
            var on = YamlFields.Child(task, "on") is null ? CiCatalog.ChangeKinds.ToList()
                : y.Scalars(task, "on", context)
                    .Select(n => y.OneOf(n, CiCatalog.ChangeKinds, context, "change kind")).ToList();
            var needs = y.Scalars(task, "needs", context).Select(n => n.Value!).ToList();
            var taskParameters = Parameters(task, context);
            List<CiStep> steps;
            if (YamlFields.Child(task, "steps") is { } stepsNode)
            {
                if (YamlFields.Child(task, "targets") is { } both)
                    throw y.Error(both, $"{context}give either 'targets' or 'steps'");
                if (stepsNode is not YamlSequenceNode list || list.Children.Count == 0)
                    throw y.Error(stepsNode, $"{context}'steps' must be a list of {{ targets, parameters, ... }}");
                steps = list.Select(s => Step(s, context, taskParameters)).ToList();
            }
            else steps = [Step(task, context, [], own: false, taskParameters)];
            var agent = YamlFields.Child(task, "agent") is YamlScalarNode { Value: not null } agentNode
                ? y.Checked(agentNode, CatalogValue.Agent, context) : null;
            if (agent is null && ci.Contains(CiCatalog.Jenkins)) throw y.Error(task, $"task '{name}' has no agent");
            var runner = YamlFields.Child(task, "runner") is YamlScalarNode { Value: not null } runnerNode
                ? y.Checked(runnerNode, CatalogValue.TaskRunner, context) : null;
            var stage = YamlFields.Child(task, "stage") is YamlScalarNode { Value: not null } stageNode
                ? y.Checked(stageNode, CatalogValue.TvmName, context) : needs.Count > 0 ? "Test" : "Build";
            return new CiTaskSpec(name, (int)key.Start.Line,
                y.Required(task, "image", CatalogValue.Image, context, $"task '{name}' has no image"),
                agent, runner, ci, stage, tvm, Environment(task, context), steps,
                Values(task, "uses", CatalogValue.LocalAction, context),
                Values(task, "produces", CatalogValue.ProducesGlob, context),
                needs, y.Int(task, "shards", 1, context), y.Int(task, "timeout", 60, context), on)
            {
                Repository = YamlFields.Child(task, "repository") is YamlScalarNode { Value: not null } repository
                    ? y.Checked(repository, CatalogValue.Repository, context) : null,
            };
        }

        private TvmStage? Tvm(YamlMappingNode task, string context)
        {
            if (YamlFields.Child(task, "tvm") is not { } node) return null;
            if (node is not YamlMappingNode map)
                throw y.Error(node, $"{context}'tvm' is {{ pipeline: cpu, stage: \"BUILD: CPU\" }}");
            y.Known(map, context + "tvm: ", ["pipeline", "stage"]);
            return new TvmStage(
                y.Required(map, "pipeline", CatalogValue.Pipeline, context, $"{context}'tvm' has no pipeline"),
                y.Required(map, "stage", CatalogValue.TvmName, context, $"{context}'tvm' has no stage"));
        }

        private CiStep Step(YamlNode node, string context, IReadOnlyList<(string, IReadOnlyList<string>)> inherited) =>
            node is YamlMappingNode step ? Step(step, context, StepFields, own: true, inherited)
                : throw y.Error(node,
                    $"{context}a step is a mapping {{ targets, parameters, environment, command, tvm }}");

        private CiStep Step(YamlMappingNode step, string context, string[] fields, bool own,
            IReadOnlyList<(string Name, IReadOnlyList<string> Values)> inherited)
        {
            if (own) y.Known(step, context + "step: ", fields);
            var stepTargets = y.Scalars(step, "targets", context).Select(n => n.Value!).ToList();
            if (stepTargets.Count == 0) throw y.Error(step, $"{context.TrimEnd(' ', ':')} has no targets");
            foreach (var target in stepTargets.Where(t => targets is not null && !targets.Contains(t)))
                throw y.Error(YamlFields.Child(step, "targets")!, $"{context}unknown target '{target}' " +
                    $"({ExecutionPlanner.DidYouMean(target, targets!)}targets: {string.Join(", ", targets!.Order())})");
            var own2 = own ? Parameters(step, context) : [];
            var merged = inherited.Where(p => own2.All(o => o.Name != p.Name)).Concat(own2).ToList();
            return new CiStep(stepTargets, merged, own ? Environment(step, context) : new Dictionary<string, string>(),
                own ? Values(step, "command", CatalogValue.Text, context) : [],
                own ? Values(step, "tvm", CatalogValue.TvmName, context) : []);
        }

        private List<(string Name, IReadOnlyList<string> Values)> Parameters(YamlMappingNode node, string context)
        {
            var list = new List<(string, IReadOnlyList<string>)>();
            if (YamlFields.Child(node, "parameters") is not { } parametersNode) return list;
            if (parametersNode is not YamlMappingNode map)
                throw y.Error(parametersNode, $"{context}'parameters' must be a mapping");
            foreach (var (keyNode, valueNode) in map.Children)
            {
                var parameter = (keyNode as YamlScalarNode)?.Value
                    ?? throw y.Error(keyNode, $"{context}a parameter name must be a plain value");
                if (parameters is not null && !parameters.Contains(parameter))
                {
                    var close = ExecutionPlanner.DidYouMean("--" + parameter, parameters.Select(p => "--" + p));
                    throw y.Error(keyNode,
                        $"{context}unknown parameter '--{parameter}' ({close}see ./build.sh --help)");
                }
                var values = y.ScalarList(valueNode, context, parameter)
                    .Select(n => y.Checked(n, CatalogValue.Text, context)).ToList();
                list.Add((parameter, values));
            }
            return list;
        }

        private List<string> Values(YamlMappingNode node, string field, CatalogValue shape, string context) =>
            y.Scalars(node, field, context).Select(n => y.Checked(n, shape, context)).ToList();

        private Dictionary<string, string> Environment(YamlMappingNode node, string context)
        {
            var environment = new Dictionary<string, string>();
            if (YamlFields.Child(node, "environment") is not { } envNode) return environment;
            if (envNode is not YamlMappingNode map) throw y.Error(envNode, $"{context}'environment' must be a mapping");
            foreach (var (key, value) in map.Children)
            {
                var name = key as YamlScalarNode
                    ?? throw y.Error(key, $"{context}a variable name must be a plain value");
                var text = value as YamlScalarNode
                    ?? throw y.Error(value, $"{context}the value of {name.Value} must be a plain value");
                environment[y.Checked(name, CatalogValue.Variable, context)] =
                    y.Checked(text, CatalogValue.Text, context);
            }
            return environment;
        }
    }
}
