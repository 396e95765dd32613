using System.Text.Json;

namespace TvmBuild.Engine;

/// <summary><c>.nuke/parameters.json</c> and, per <c>--profile p</c>, <c>.nuke/parameters.p.json</c>; keys are member
/// names.</summary>
internal static class ParameterFiles
{
    private static readonly JsonDocumentOptions Options =
        new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static IEnumerable<ParameterFile> Load(AbsolutePath nukeDirectory, IEnumerable<string> profiles)
    {
        yield return Read(nukeDirectory / "parameters.json", required: false);
        foreach (var profile in profiles)
            yield return Read(nukeDirectory / $"parameters.{profile}.json", required: true);
    }

    private static ParameterFile Read(AbsolutePath file, bool required)
    {
        if (!file.FileExists())
            return required
                ? throw new BuildFailure($"Profile file {file} does not exist.",
                    "Create it, or check the --profile name.")
                : new ParameterFile(file, []);
        try
        {
            var bytes = File.ReadAllBytes(file);
            // The file as shipped names only its schema: no JSON reader is needed for it (loading one costs a warm
            // start ~10 ms).
            if (OnlySchema(bytes)) return new ParameterFile(file, []);
            var lines = KeyLines(bytes, file);
            using var document = JsonDocument.Parse(bytes, Options);
            var values = new Dictionary<string, FileValue>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in document.RootElement.EnumerateObject().Where(p => p.Name != "$schema"))
                values[property.Name] =
                    new FileValue(property.Value.Clone(), lines.GetValueOrDefault(property.Name, 1));
            return new ParameterFile(file, values);
        }
        catch (JsonException e)
        {
            var message = e.Message.Split(" LineNumber")[0].Split(" Path:")[0];
            throw new BuildFailure($"{file}:{(e.LineNumber ?? 0) + 1}: malformed JSON: {message}",
                "Fix the file, or move it away to run without it.");
        }
    }

    /// <summary>Whether the file is <c>{"$schema": "..."}</c> and nothing else (whitespace aside).</summary>
    private static bool OnlySchema(byte[] bytes)
    {
        var text = new string(System.Text.Encoding.UTF8.GetString(bytes).Where(c => !char.IsWhiteSpace(c)).ToArray());
        const string head = "{\"$schema\":\"", tail = "\"}";
        return text.Length > head.Length + tail.Length && text.StartsWith(head, StringComparison.Ordinal)
            && text.EndsWith(tail, StringComparison.Ordinal)
            && !text[head.Length..^tail.Length].Any(c => c is '"' or '\\');
    }

    /// <summary>The line of each top-level key (JsonDocument keeps no positions; the reader does).</summary>
    private static Dictionary<string, int> KeyLines(byte[] bytes, AbsolutePath file)
    {
        var lines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true,
        });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new BuildFailure($"{file}: the top level must be a JSON object of parameter names to values.");
        while (reader.Read())
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                lines.TryAdd(reader.GetString()!, bytes.AsSpan(0, (int)reader.TokenStartIndex).Count((byte)'\n') + 1);
        return lines;
    }
}
