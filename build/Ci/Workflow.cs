namespace TvmBuild.Ci;

/// <summary>A GitHub Actions workflow, typed: what GitHubWorkflow builds from the catalog and YamlText
/// writes.</summary>
public sealed record Workflow(
    string Name,
    IReadOnlyList<string> Branches,
    string ConcurrencyGroup,
    IReadOnlyList<(string Name, YScalar Value)> Environment,
    YScalar DefaultShell,
    IReadOnlyList<WorkflowJob> Jobs)
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
