using YamlDotNet.RepresentationModel;

namespace TvmBuild.Tests.Coverage;

/// <summary>Reads a GitHub workflow of a TVM tree: its jobs, each with its runner, container image and steps.</summary>
public static class TvmWorkflowScan
{
    public static TvmPipeline Read(string file, string text)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var steps = new List<TvmStep>();
        foreach (var (id, node) in ((YamlMappingNode)root["jobs"]).Children)
        {
            var job = (YamlMappingNode)node;
            var runsOn = Scalar(job, "runs-on");
            var image = Child(job, "container") switch
            {
                YamlScalarNode s => s.Value,
                YamlMappingNode m => Scalar(m, "image"),
                _ => null,
            };
            var calls = Child(job, "steps") is YamlSequenceNode list
                ? list.Cast<YamlMappingNode>().Select(s => new TvmCall(StepName(s))).ToList()
                : [];
            steps.Add(new TvmStep(id.ToString(), null, runsOn, image, new SortedDictionary<string, string>(), calls));
        }
        return new TvmPipeline(Path.GetFileName(file), file, [], steps);
    }

    /// <summary>A step by its name, else the action it uses (without the version), else its first line.</summary>
    private static string StepName(YamlMappingNode step) =>
        Scalar(step, "name") ?? Scalar(step, "uses")?.Split('@')[0] ?? Scalar(step, "run")?.Split('\n')[0] ?? "(step)";

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;
}
