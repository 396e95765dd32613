using TvmBuild.Engine;

namespace TvmBuild.Ci;

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

    /// <summary>The GitHub repository the task's job runs in only (TVM's macOS and Windows jobs: apache/tvm, not
    /// forks); null: any.</summary>
    public string? Repository { get; init; }

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
