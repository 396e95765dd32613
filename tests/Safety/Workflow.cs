using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace TvmBuild.Tests.Safety;

/// <summary>The run steps of a GitHub Actions workflow, each with the shell and environment GitHub gives it.</summary>
internal sealed record Workflow(
    string? DefaultShell, IReadOnlyDictionary<string, string?> Environment, IReadOnlyList<WorkflowStep> Steps)
{
    // Plausible values for the expressions a run script may hold; an unknown one fails the test, to be added here.
    private static readonly Dictionary<string, string> Expressions = new() { ["matrix.shard"] = "1" };

    public static Workflow Load(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(file)));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var defaultShell = Shell(root);
        var steps = new List<WorkflowStep>();
        foreach (var (id, node) in ((YamlMappingNode)root["jobs"]).Children)
        {
            var job = (YamlMappingNode)node;
            foreach (var step in ((YamlSequenceNode)job["steps"]).Cast<YamlMappingNode>())
                if (Scalar(step, "run") is { } run)
                    steps.Add(new WorkflowStep(id.ToString(), run, Scalar(step, "shell") ?? Shell(job) ?? defaultShell,
                        Map(job, "env")));
        }
        return new Workflow(defaultShell, Map(root, "env"), steps);
    }

    /// <summary>The script with each <c>${{ }}</c> replaced by a plausible value.</summary>
    public static string Substitute(string script) => Regex.Replace(script, @"\$\{\{\s*(.*?)\s*\}\}", m =>
        Expressions.TryGetValue(m.Groups[1].Value, out var value) ? value
            : throw new InvalidOperationException($"no plausible value for {m.Value}: add one to Expressions"));

    /// <summary>defaults: run: shell: of the workflow or a job.</summary>
    public static string? Shell(YamlMappingNode node) =>
        Child(node, "defaults") is YamlMappingNode defaults && Child(defaults, "run") is YamlMappingNode run
            ? Scalar(run, "shell") : null;

    public static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Scalar(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    private static Dictionary<string, string?> Map(YamlMappingNode node, string key) =>
        Child(node, key) is YamlMappingNode map
            ? map.Children.ToDictionary(p => p.Key.ToString(), p => (string?)p.Value.ToString()) : [];
}

/// <summary>One run step: its job, script, effective shell, and the job's environment.</summary>
internal sealed record WorkflowStep(
    string Job, string Run, string? Shell, IReadOnlyDictionary<string, string?> Environment);
