using System.Text.Json;

namespace TvmBuild.Engine;

/// <summary><c>.nuke/parameters.json</c> and, per <c>--profile p</c>, <c>.nuke/parameters.p.json</c>; keys are member names.</summary>
internal static class ParameterFiles
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static IEnumerable<(string File, Dictionary<string, JsonElement> Values)> Load(AbsolutePath nukeDirectory, IEnumerable<string> profiles)
    {
        yield return Read(nukeDirectory / "parameters.json", required: false);
        foreach (var profile in profiles)
            yield return Read(nukeDirectory / $"parameters.{profile}.json", required: true);
    }

    private static (string, Dictionary<string, JsonElement>) Read(AbsolutePath file, bool required)
    {
        if (!file.FileExists())
            return required
                ? throw new BuildFailure($"Profile file {file} does not exist.", "Create it, or check the --profile name.")
                : (file, []);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file), Options);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new BuildFailure($"{file}: the top level must be a JSON object of parameter names to values.");
            return (file, document.RootElement.EnumerateObject()
                .Where(p => p.Name != "$schema")
                .ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.OrdinalIgnoreCase));
        }
        catch (JsonException e)
        {
            throw new BuildFailure($"{file}:{(e.LineNumber ?? 0) + 1}: malformed JSON: {e.Message.Split(" LineNumber")[0].Split(" Path:")[0]}",
                "Fix the file, or move it away to run without it.");
        }
    }
}
