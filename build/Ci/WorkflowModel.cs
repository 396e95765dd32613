namespace TvmBuild.Ci;

/// <summary>A GitHub Actions workflow, typed: what GitHubWorkflow builds from the catalog and YamlText
/// writes.</summary>
public sealed record Workflow(
    string Name,
    IReadOnlyList<string> Branches,
    string ConcurrencyGroup,
    IReadOnlyList<(string Name, YScalar Value)> Environment,
    YScalar DefaultShell,
    IReadOnlyList<Job> Jobs)
{
    public YMap ToYaml() => new(
        ("name", YScalar.Plain(Name)),
        ("on", new YMap(
            ("push", new YMap(("branches", Flow(Branches)))),
            ("pull_request", new YMap(("branches", Flow(Branches)))),
            ("workflow_dispatch", new YMap()))),
        ("permissions", new YMap(("contents", YScalar.Plain("read")))),
        ("concurrency", new YMap(
            ("group", YScalar.Plain(ConcurrencyGroup)), ("cancel-in-progress", YScalar.Plain("true")))),
        ("env", Map(Environment)),
        ("defaults", new YMap(("run", new YMap(("shell", DefaultShell))))),
        ("jobs", new YMap(Jobs.Select(j => (j.Id, (YNode)j.ToYaml())).ToList())));

    public static YSeq Flow(IEnumerable<string> items) =>
        new(items.Select(i => (YNode)YScalar.Plain(i)).ToList(), Flow: true);

    /// <summary>Name-value pairs as a mapping.</summary>
    public static YMap Map(IEnumerable<(string Name, YScalar Value)> pairs) =>
        new(pairs.Select(p => (p.Name, (YNode)p.Value)).ToList());
}

/// <summary>A job: its id (a YAML key, checked by the generator), what GitHub shows, needs, condition, runner,
/// container, environment, matrix, outputs and steps.</summary>
public sealed record Job(string Id, IReadOnlyList<Step> Steps)
{
    public YScalar? DisplayName { get; init; }
    public IReadOnlyList<string> Needs { get; init; } = [];
    public YScalar? If { get; init; }
    public required YScalar RunsOn { get; init; }
    public int TimeoutMinutes { get; init; }
    public YScalar? Container { get; init; }
    public IReadOnlyList<(string Name, YScalar Value)> Environment { get; init; } = [];
    public IReadOnlyList<int> Shards { get; init; } = [];
    public IReadOnlyList<(string Name, YScalar Value)> Outputs { get; init; } = [];

    public YMap ToYaml()
    {
        var entries = new List<(string, YNode)>();
        if (DisplayName is not null) entries.Add(("name", DisplayName));
        if (Needs.Count > 0) entries.Add(("needs", Workflow.Flow(Needs)));
        if (If is not null) entries.Add(("if", If));
        entries.Add(("runs-on", RunsOn));
        entries.Add(("timeout-minutes", YScalar.Plain(TimeoutMinutes.ToString())));
        if (Container is not null) entries.Add(("container", new YMap(("image", Container))));
        if (Environment.Count > 0) entries.Add(("env", Workflow.Map(Environment)));
        if (Shards.Count > 0)
        {
            var matrix = new YMap(("shard", Workflow.Flow(Shards.Select(s => s.ToString()))));
            entries.Add(("strategy", new YMap(("fail-fast", YScalar.Plain("false")), ("matrix", matrix))));
        }
        if (Outputs.Count > 0) entries.Add(("outputs", Workflow.Map(Outputs)));
        entries.Add(("steps", new YSeq(Steps.Select(s => (YNode)s.ToYaml()).ToList())));
        return new YMap(entries);
    }
}

/// <summary>A step: an action it uses (pinned, with the version as a comment) and its inputs, or a script to
/// run.</summary>
public sealed record Step
{
    public string? Id { get; init; }
    public string? Uses { get; init; }
    public string? Version { get; init; }
    public YScalar? If { get; init; }
    public IReadOnlyList<(string Name, YScalar Value)> With { get; init; } = [];
    public YScalar? Run { get; init; }
    public YScalar? Shell { get; init; }

    public YMap ToYaml()
    {
        var entries = new List<(string, YNode)>();
        if (Id is not null) entries.Add(("id", YScalar.Plain(Id)));
        if (Uses is not null) entries.Add(("uses", YScalar.Plain(Uses) with { Comment = Version }));
        if (If is not null) entries.Add(("if", If));
        if (With.Count > 0) entries.Add(("with", Workflow.Map(With)));
        if (Run is not null) entries.Add(("run", Run));
        if (Shell is not null) entries.Add(("shell", Shell));
        return new YMap(entries);
    }
}
