using TvmBuild.Engine;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TvmBuild.Ci;

/// <summary>One CI task of ci/catalog.yaml.</summary>
public sealed record CiTaskSpec(
    string Name,
    int Line,
    string Image,
    string Agent,
    IReadOnlyList<string> Targets,
    IReadOnlyList<(string Name, IReadOnlyList<string> Values)> Parameters,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<string> Produces,
    IReadOnlyList<string> Needs,
    int Shards,
    int Timeout,
    IReadOnlyList<string> On)
{
    /// <summary>The build's command line for this task: its targets (bare --skip: only them), then its parameters.</summary>
    public List<string> Arguments(AbsolutePath? tvmHome)
    {
        var arguments = new List<string>(Targets);
        if (Needs.Count > 0) arguments.Add("--skip"); // what the build stage did comes as artifacts
        foreach (var (name, values) in Parameters)
        {
            if (values is ["true"]) arguments.Add($"--{name}");
            else if (values is not ["false"]) arguments.AddRange([$"--{name}", .. values]);
        }
        if (tvmHome is not null) arguments.AddRange(["--tvm-home", tvmHome]);
        return arguments;
    }
}

/// <summary>The catalog. A task whose image is <c>host</c> runs on the agent itself (no container).</summary>
public sealed record CiCatalog(AbsolutePath File, IReadOnlyList<CiTaskSpec> Tasks, string JunitPattern, string GithubRunner)
{
    public static readonly string[] ChangeKinds = ["code", "docs", "docker"];
    public const string Host = "host";

    public CiTaskSpec Find(string name) => Tasks.FirstOrDefault(t => t.Name == name)
        ?? throw new BuildFailure($"Unknown CI task '{name}'.", $"{ExecutionPlanner.DidYouMean(name, Tasks.Select(t => t.Name))}Tasks: {string.Join(", ", Tasks.Select(t => t.Name))}.");

    /// <summary>Tasks in dependency order, grouped in stages whose tasks can run in parallel.</summary>
    public List<List<CiTaskSpec>> Stages()
    {
        var stages = new List<List<CiTaskSpec>>();
        var done = new HashSet<string>();
        while (done.Count < Tasks.Count)
        {
            var ready = Tasks.Where(t => !done.Contains(t.Name) && t.Needs.All(done.Contains)).ToList();
            stages.Add(ready);
            done.UnionWith(ready.Select(t => t.Name));
        }
        return stages;
    }

    /// <summary>Reads and checks the catalog; every error names the file and line.</summary>
    public static CiCatalog Load(AbsolutePath file, IReadOnlySet<string> targets, IReadOnlySet<string> parameters)
    {
        if (!file.FileExists()) throw new BuildFailure($"{file} does not exist.", "The CI catalog lives in ci/catalog.yaml of tvm-build.");
        var stream = new YamlStream();
        try { stream.Load(new StringReader(file.ReadAllText())); }
        catch (YamlException e) { throw new BuildFailure($"{file}:{e.Start.Line}: {e.InnerException?.Message ?? e.Message}"); }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new BuildFailure($"{file}:1: the catalog must be a mapping with 'tasks'.");

        BuildFailure Error(YamlNode node, string message) => new($"{file}:{node.Start.Line}: {message}", "Fix ci/catalog.yaml, then run ./build.sh GenerateCi.");
        // Names, labels, images and globs reach YAML, shell and Groovy in the generated files: each must fit its shape.
        string Checked(YamlScalarNode node, CatalogValue shape, string context) =>
            shape.Problem(node.Value!) is { } problem ? throw Error(node, context + problem) : node.Value!;
        var settings = Child(root, "settings") as YamlMappingNode;
        var tasksNode = Child(root, "tasks") as YamlMappingNode ?? throw Error(root, "missing 'tasks' mapping");
        var tasks = new List<CiTaskSpec>();
        foreach (var (key, value) in tasksNode.Children)
        {
            var nameNode = key as YamlScalarNode ?? throw Error(key, "a task name must be a plain value");
            var name = Checked(nameNode, CatalogValue.TaskName, "");
            if (value is not YamlMappingNode task) throw Error(key, $"task '{name}' must be a mapping");
            var context = $"task '{name}': ";
            BuildFailure NotAList(YamlNode node, string field) =>
                Error(node, $"{context}'{field}' must be a list of plain values");
            List<YamlScalarNode> Nodes(string field) => Child(task, field) switch
            {
                null => [],
                YamlScalarNode scalar => [scalar],
                YamlSequenceNode list => list.Select(n => n as YamlScalarNode ?? throw NotAList(n, field)).ToList(),
                var other => throw NotAList(other, field),
            };
            List<string> Sequence(string field) => Nodes(field).Select(n => n.Value!).ToList();
            string Required(string field, CatalogValue shape) =>
                Child(task, field) is YamlScalarNode { Value: not null } node ? Checked(node, shape, context)
                    : throw Error(task, $"task '{name}' has no {field}");
            var taskTargets = Sequence("targets");
            if (taskTargets.Count == 0) throw Error(task, $"task '{name}' has no targets");
            foreach (var target in taskTargets.Where(t => !targets.Contains(t)))
                throw Error(Child(task, "targets")!, $"task '{name}': unknown target '{target}' ({ExecutionPlanner.DidYouMean(target, targets)}targets: {string.Join(", ", targets.Order())})");
            var taskParameters = new List<(string, IReadOnlyList<string>)>();
            if (Child(task, "parameters") is YamlMappingNode parameterNode)
                foreach (var (parameterKey, parameterValue) in parameterNode.Children)
                {
                    var parameter = ((YamlScalarNode)parameterKey).Value!;
                    if (!parameters.Contains(parameter))
                        throw Error(parameterKey, $"task '{name}': unknown parameter '--{parameter}' ({ExecutionPlanner.DidYouMean("--" + parameter, parameters.Select(p => "--" + p))}see ./build.sh --help)");
                    taskParameters.Add((parameter, parameterValue is YamlSequenceNode list ? list.Select(n => ((YamlScalarNode)n).Value!).ToList() : [((YamlScalarNode)parameterValue).Value!]));
                }
            var on = Child(task, "on") is null ? ChangeKinds.ToList() : Sequence("on");
            foreach (var kind in Nodes("on").Where(k => !ChangeKinds.Contains(k.Value)))
                throw Error(kind,
                    $"{context}unknown change kind {CatalogValue.Show(kind.Value!)} (code, docs, docker)");
            var produces = Nodes("produces").Select(n => Checked(n, CatalogValue.ProducesGlob, context)).ToList();
            var environment = Child(task, "environment") is YamlMappingNode env
                ? env.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value!) : new Dictionary<string, string>();
            var image = Required("image", CatalogValue.Image);
            var agent = Required("agent", CatalogValue.Agent);
            tasks.Add(new CiTaskSpec(name, (int)key.Start.Line, image, agent, taskTargets, taskParameters, environment,
                produces, Sequence("needs"), Int(task, "shards", 1, Error), Int(task, "timeout", 60, Error), on));
        }
        string Setting(string key, string fallback, CatalogValue shape) =>
            settings is not null && Child(settings, key) is YamlScalarNode { Value: not null } node
                ? Checked(node, shape, "settings: ") : fallback;
        var catalog = new CiCatalog(file, tasks,
            Setting("junit", "build-*/pytest-results/*.xml", CatalogValue.JunitGlob),
            Setting("github_runner", "ubuntu-22.04", CatalogValue.Runner));
        catalog.Check(tasksNode);
        return catalog;
    }

    private void Check(YamlMappingNode tasksNode)
    {
        BuildFailure Error(CiTaskSpec task, string message) => new($"{File}:{task.Line}: {message}", "Fix ci/catalog.yaml, then run ./build.sh GenerateCi.");
        foreach (var task in Tasks)
            foreach (var need in task.Needs.Where(n => Tasks.All(t => t.Name != n)))
                throw Error(task, $"task '{task.Name}' needs '{need}', which is not a task");
        var visiting = new Stack<string>();
        var visited = new HashSet<string>();
        void Visit(CiTaskSpec task)
        {
            if (visiting.Contains(task.Name))
                throw Error(task, $"tasks depend on each other in a cycle: {string.Join(" -> ", visiting.Reverse().SkipWhile(n => n != task.Name).Append(task.Name))}");
            if (!visited.Add(task.Name)) return;
            visiting.Push(task.Name);
            foreach (var need in task.Needs) Visit(Find(need));
            visiting.Pop();
        }
        foreach (var task in Tasks) Visit(task);
        foreach (var task in Tasks)
            foreach (var need in task.Needs.Where(n => Find(n).Produces.Count == 0))
                throw Error(task, $"task '{task.Name}' consumes the artifacts of '{need}', which produces none");
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.FirstOrDefault(p => p.Key is YamlScalarNode s && s.Value == key).Value;

    private static int Int(YamlMappingNode node, string key, int fallback, Func<YamlNode, string, BuildFailure> error) =>
        Child(node, key) is not YamlScalarNode scalar ? fallback
            : int.TryParse(scalar.Value, out var value) && value > 0 ? value : throw error(scalar, $"'{key}' must be a positive whole number, not '{scalar.Value}'");
}
