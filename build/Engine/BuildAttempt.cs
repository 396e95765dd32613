using System.Text.Json;
using Serilog;

namespace TvmBuild.Engine;

/// <summary><c>--continue</c>: <c>.nuke/temp/build-attempt.json</c> keeps what a run was asked to do (its targets,
/// every resolved parameter from the command line, environment and files, the arguments after <c>--</c>) and the
/// targets that succeeded. A rerun with --continue skips those only when it was asked exactly the same; otherwise it
/// says what differs and runs everything.</summary>
internal sealed class BuildAttempt(AbsolutePath file, IReadOnlyDictionary<string, string> request)
{
    /// <summary>Parameters that change how a run reports, not what it does.</summary>
    private static readonly string[] Presentation = ["--continue", "--verbosity", "--no-logo", "--help", "--plan"];

    private sealed record Saved(Dictionary<string, string> Request, List<string> Succeeded);

    public static BuildAttempt For(NukeBuild build, AbsolutePath file)
    {
        var request = new Dictionary<string, string>
        {
            ["targets"] = string.Join(" ", build.InvokedTargets.Select(t => t.Name)),
            ["--"] = string.Join("\0", build.RemainingArguments),
        };
        foreach (var parameter in build.AllParameters.Where(p => !Presentation.Contains(p.CliName)))
            if (build.Parameters.Raw(parameter) is { } raw)
                request[parameter.CliName] = string.Join(" ", raw.Values);
        return new BuildAttempt(file, request);
    }

    public void SkipSucceeded(IEnumerable<ExecutableTarget> plan)
    {
        if (Read() is not { } saved)
        {
            Log.Warning("--continue: no earlier attempt is recorded; running every target");
            return;
        }
        var changed = saved.Request.Keys.Union(request.Keys).Order(StringComparer.Ordinal)
            .Where(k => saved.Request.GetValueOrDefault(k) != request.GetValueOrDefault(k))
            .Select(k => $"{k}: {Show(saved.Request.GetValueOrDefault(k))} -> {Show(request.GetValueOrDefault(k))}")
            .ToList();
        if (changed.Count > 0)
        {
            Log.Warning("--continue: this run differs from the failed one ({Changes}); running every target",
                string.Join("; ", changed));
            return;
        }
        foreach (var target in plan.Where(t => saved.Succeeded.Contains(t.Name) && t.Status != ExecutionStatus.Skipped))
        {
            target.Status = ExecutionStatus.Skipped;
            target.SkipReason = "succeeded in the previous attempt";
        }
    }

    public void Save(IEnumerable<ExecutableTarget> plan)
    {
        var succeeded = plan
            .Where(t => t.Status == ExecutionStatus.Succeeded || t.SkipReason == "succeeded in the previous attempt")
            .Select(t => t.Name).ToList();
        // The plain writer and reader: the serializer's set-up cost every run ~10 CPU ms.
        var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartObject(nameof(Saved.Request));
            foreach (var (key, value) in request) json.WriteString(key, value);
            json.WriteEndObject();
            json.WriteStartArray(nameof(Saved.Succeeded));
            foreach (var name in succeeded) json.WriteStringValue(name);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        file.WriteAllTextAtomically(System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n");
    }

    /// <summary>The earlier attempt, or null when there is none or it cannot be read (then everything runs).</summary>
    private Saved? Read()
    {
        if (!file.FileExists()) return null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty(nameof(Saved.Request), out var saved)
                || saved.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty(nameof(Saved.Succeeded), out var names)
                || names.ValueKind != JsonValueKind.Array)
                return null;
            return new Saved(saved.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? ""),
                names.EnumerateArray().Select(name => name.GetString() ?? "").ToList());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null; // not a string where one belongs
        }
    }

    private static string Show(string? value) =>
        value is null ? "(unset)" : value.Length == 0 ? "(empty)" : value.Replace("\0", " ");
}
