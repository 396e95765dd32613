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

    internal sealed record Saved(Dictionary<string, string> Request, List<string> Succeeded);

    public static BuildAttempt For(NukeBuild build, AbsolutePath file)
    {
        var request = new Dictionary<string, string>
        {
            ["targets"] = string.Join(" ", build.InvokedTargets.Select(t => t.Name)),
            ["--"] = string.Join("\0", build.RemainingArguments),
        };
        foreach (var parameter in ParameterCatalog.Of(build.GetType()).Where(p => !Presentation.Contains(p.CliName)))
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
        file.WriteAllTextAtomically(
            JsonSerializer.Serialize(new Saved(new(request), succeeded), BuildAttemptJson.Default.Saved) + "\n");
    }

    private Saved? Read()
    {
        if (!file.FileExists()) return null;
        try { return JsonSerializer.Deserialize(File.ReadAllText(file), BuildAttemptJson.Default.Saved); }
        catch (JsonException) { return null; }
    }

    private static string Show(string? value) =>
        value is null ? "(unset)" : value.Length == 0 ? "(empty)" : value.Replace("\0", " ");
}
