namespace TvmBuild.Ci;

/// <summary>A step: an action it uses (pinned, with the version as a comment) and its inputs, or a script to
/// run.</summary>
public sealed record WorkflowStep
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
