using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace TvmBuild.Engine;

/// <summary><c>.nuke/build.schema.json</c>: parameters, their types and allowed values, and the target names, so
/// editors complete <c>.nuke/parameters*.json</c>. Rewritten by local builds when it changed; CI only reads it (a test
/// checks it).</summary>
public static class SchemaText
{
    public static string Generate(NukeBuild build, IEnumerable<string> targetNames)
    {
        var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "http://json-schema.org/draft-04/schema#");
            json.WriteString("title", "Build Schema");
            json.WriteString("type", "object");
            json.WriteStartObject("properties");
            json.WriteStartObject("$schema");
            json.WriteString("type", "string");
            json.WriteEndObject();
            foreach (var parameter in build.AllParameters
                         .OrderBy(p => p.MemberName, StringComparer.Ordinal))
            {
                json.WriteStartObject(parameter.MemberName);
                var type = ParameterService.Underlying(parameter.Type);
                var element = type.IsArray ? type.GetElementType()! : type;
                var allowed = parameter.MemberName is nameof(NukeBuild.Target) or nameof(NukeBuild.Skip)
                    ? targetNames.ToList()
                    : parameter.AllowedValues;
                if (type.IsArray)
                {
                    json.WriteString("type", "array");
                    json.WriteStartObject("items");
                }
                json.WriteString("type",
                    element == typeof(bool) ? "boolean" : element == typeof(int) ? "integer" : "string");
                if (allowed is not null)
                {
                    json.WriteStartArray("enum");
                    foreach (var value in allowed) json.WriteStringValue(value);
                    json.WriteEndArray();
                }
                if (type.IsArray) json.WriteEndObject();
                if (parameter.Attribute.Description is { } description) json.WriteString("description", description);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>The schema of build class <typeparamref name="T"/> (what a local run writes).</summary>
    public static string GenerateFor<[DynamicallyAccessedMembers(NukeBuild.Reflected)] T>(AbsolutePath root)
        where T : NukeBuild, new()
    {
        var build = new T { RootDirectory = root, AllParameters = ParameterCatalog.Of(typeof(T)) };
        return Generate(build, ExecutableTargetFactory.Create(build, []).Where(t => t.Listed).Select(t => t.Name));
    }

    /// <summary>The schema only changes with the compiled build: a stamp names the build that last wrote it, so a warm
    /// run neither generates nor reads it (~10 ms).</summary>
    internal static void Refresh(NukeBuild build, IEnumerable<ExecutableTarget> targets)
    {
        if (build.IsServerBuild) return;
        var file = build.RootDirectory / ".nuke" / "build.schema.json";
        var stamp = build.TemporaryDirectory / "build.schema.stamp";
        var compiled = $"{typeof(SchemaText).Assembly.ManifestModule.ModuleVersionId}\n";
        if (file.FileExists() && stamp.FileExists() && stamp.ReadAllText() == compiled) return;
        var text = Generate(build, targets.Where(t => t.Listed).Select(t => t.Name));
        if (!file.FileExists() || file.ReadAllText() != text) file.WriteAllTextAtomically(text);
        stamp.WriteAllTextAtomically(compiled);
    }
}
