namespace TvmBuild.Engine;

/// <summary>Before anything runs: every value a planned target will read converts (wherever it came from), and an
/// option typed on the command line that no planned target reads is named, with the targets that do read it (so are
/// arguments after <c>--</c> that no planned target takes).</summary>
internal static class ParameterChecks
{
    public static List<string> Run(NukeBuild build, IReadOnlyList<ExecutableTarget> targets)
    {
        var active = build.ExecutionPlan.Where(t => t.Status != ExecutionStatus.Skipped).ToHashSet();
        var warnings = new List<string>();
        foreach (var parameter in build.AllParameters.Where(p => !p.IsBuiltIn))
        {
            var readers = ParameterCatalog.Readers(parameter, targets);
            if (readers.Any(active.Contains))
            {
                _ = build.Parameters.GetValue(parameter); // a bad value fails now, naming its source
                continue;
            }
            if (!build.Parameters.IsOnCommandLine(parameter)) continue;
            var skipped = readers.Where(build.ExecutionPlan.Contains).Select(t => t.Name).ToList();
            warnings.Add(skipped.Count > 0
                ? $"{parameter.CliName} has no effect: {string.Join(", ", skipped)}, which reads it, is skipped."
                : $"{parameter.CliName} has no effect here: only {Names(readers)} " +
                  $"read{(readers.Count == 1 ? "s" : "")} it.");
        }
        var takers = targets.Where(t => t.Definition.IsTakingArguments).ToList();
        if (build.RemainingArguments.Count > 0 && !takers.Any(active.Contains))
            warnings.Add($"The arguments after -- have no effect here: only {Names(takers)} " +
                $"read{(takers.Count == 1 ? "s" : "")} them.");
        return warnings;
    }

    private static string Names(IReadOnlyList<ExecutableTarget> readers) =>
        readers.Count == 0 ? "no target" : string.Join(", ", readers.Select(t => t.Name));
}
