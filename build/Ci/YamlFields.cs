using TvmBuild.Engine;
using YamlDotNet.RepresentationModel;

namespace TvmBuild.Ci;

/// <summary>Reading the fields of a YAML file that a person writes: every error names the file and line, and says what
/// to do next.</summary>
internal sealed class YamlFields(AbsolutePath file)
{
    public AbsolutePath File => file;

    public BuildFailure Error(YamlNode node, string message) => Error((int)node.Start.Line, message);

    public BuildFailure Error(int line, string message) =>
        new($"{file}:{line}: {message}", "Fix ci/catalog.yaml, then run ./build.sh GenerateCi.");

    public static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.FirstOrDefault(p => p.Key is YamlScalarNode s && s.Value == key).Value;

    /// <summary>A misspelt field is an error, not silently ignored.</summary>
    public void Known(YamlMappingNode node, string context, IReadOnlyList<string> fields)
    {
        foreach (var key in node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value;
            if (name is null || !fields.Contains(name))
                throw Error(key, $"{context}unknown field {CatalogValue.Show(name ?? "?")} " +
                    $"({ExecutionPlanner.DidYouMean(name ?? "", fields)}fields: {string.Join(", ", fields)})");
        }
    }

    /// <summary>The value if it fits its shape, else an error naming the shape.</summary>
    public string Checked(YamlScalarNode node, CatalogValue shape, string context) =>
        shape.Problem(node.Value ?? "") is { } problem ? throw Error(node, context + problem) : node.Value!;

    public string OneOf(YamlScalarNode node, IReadOnlyList<string> allowed, string context, string what = "value") =>
        allowed.Contains(node.Value) ? node.Value!
            : throw Error(node,
                $"{context}unknown {what} {CatalogValue.Show(node.Value ?? "")} ({string.Join(", ", allowed)})");

    public string Required(YamlMappingNode node, string field, CatalogValue shape, string context, string missing) =>
        Child(node, field) is YamlScalarNode { Value: not null } value ? Checked(value, shape, context)
            : throw Error(node, missing);

    /// <summary>A field holding one plain value or a list of them (none when absent).</summary>
    public List<YamlScalarNode> Scalars(YamlMappingNode node, string field, string context) =>
        Child(node, field) is { } value ? ScalarList(value, context, field) : [];

    public List<YamlScalarNode> ScalarList(YamlNode value, string context, string field)
    {
        BuildFailure NotAList(YamlNode node) => Error(node, $"{context}'{field}' must be a list of plain values");
        return value switch
        {
            YamlScalarNode scalar => [scalar],
            YamlSequenceNode list => list.Select(n => n as YamlScalarNode ?? throw NotAList(n)).ToList(),
            var other => throw NotAList(other),
        };
    }

    public int Int(YamlMappingNode node, string key, int fallback, string context) =>
        Child(node, key) is not YamlScalarNode scalar ? fallback
            : int.TryParse(scalar.Value, out var value) && value > 0 ? value
            : throw Error(scalar, $"{context}'{key}' must be a positive whole number, not '{scalar.Value}'");
}
