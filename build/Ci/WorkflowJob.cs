namespace TvmBuild.Ci;

/// <summary>A job: its id (a YAML key, checked by the generator), what GitHub shows, needs, condition, runner,
/// container, environment, matrix, outputs and steps.</summary>
public sealed record WorkflowJob(string Id, IReadOnlyList<WorkflowStep> Steps)
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
