using System.Text.Json;
using System.Text.Json.Serialization;

namespace TvmBuild.Tests.Coverage;

/// <summary>TVM's CI as its files say it (TvmCiScan reads them): per pipeline (a generated Jenkinsfile or a GitHub
/// workflow) its outer stages in order and its steps, each with the node or runner, image, environment and
/// calls; and ci/jenkins/data.py's files_to_stash (StashSets: bundle name → files, which s3.py uploads).</summary>
public sealed record TvmCi(
    string Source, List<TvmPipeline> Pipelines, Dictionary<string, List<string>>? StashSets = null)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Options) + "\n";

    public static TvmCi FromJson(string json) =>
        JsonSerializer.Deserialize<TvmCi>(json, Options) ?? throw new InvalidDataException("empty TVM CI data");
}

/// <summary>One Jenkinsfile (Name: cpu, gpu, ...) or workflow (Name: lint.yml, ...). Stages: the Jenkins
/// <c>stage(...)</c> blocks in the order they run (none for a workflow). Unreached: task_* scripts the file names that
/// no stage calls (helpers its template defines for other pipelines), so that a reviewer of a new recording sees a
/// call the reading missed.</summary>
public sealed record TvmPipeline(
    string Name, string File, List<string> Stages, List<TvmStep> Steps, List<string>? Unreached = null);

/// <summary>What people see as one stage: a Jenkins stage or parallel branch (BUILD: CPU, unittest: CPU), or a
/// workflow job (MacOS). Stage is the outer Jenkins stage it runs in; Node the agent label (SPOT suffix removed) or
/// the runner; Image the docker_init image; Calls the task_* scripts (Jenkins) or the steps (workflows), in
/// order; Uploads and Downloads the artifacts it moves (s3.py), in order.</summary>
public sealed record TvmStep(
    string Name, string? Stage, string? Node, string? Image, SortedDictionary<string, string> Environment,
    List<TvmCall> Calls, List<TvmStash>? Uploads = null, List<TvmStash>? Downloads = null);

/// <summary>A script call with its arguments and the docker/bash.sh options before it (--no-gpu, --env X); for a
/// workflow, a step by its name (or the action it uses).</summary>
public sealed record TvmCall(string Script, string? Arguments = null, string? Docker = null)
{
    private List<string> Words => (Arguments ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();

    /// <summary>How the catalog names a call: the script and what selects its work (a CMake target, an
    /// image).</summary>
    [JsonIgnore]
    public string Key
    {
        get
        {
            if (Option("--cmake-target") is { } target) return $"{Script} --cmake-target {target}";
            if (Script == "docker/build.sh" && Words.Count > 0) return $"{Script} {Words[0]}";
            return Script;
        }
    }

    /// <summary>The value after an option (--sccache-bucket B), or null.</summary>
    public string? Option(string name)
    {
        var words = Words;
        var index = words.IndexOf(name);
        return index >= 0 && index + 1 < words.Count ? words[index + 1] : null;
    }
}
