namespace TvmBuild.Engine;

/// <summary><c>--skip</c> and static conditions, before anything runs. A skipped target's dependencies (and
/// what it triggers) that no other scheduled target needs are skipped too, as in Nuke.</summary>
internal static class SkipPlanner
{
    public static void Apply(NukeBuild build, IReadOnlyList<ExecutableTarget> targets)
    {
        var plan = build.ExecutionPlan;
        foreach (var target in plan) target.Status = ExecutionStatus.Scheduled;

        if (build.Skip is { } skip)
        {
            var named = skip.Length == 0
                ? plan.Where(t => !t.Invoked)
                : skip.Select(n => ExecutionPlanner.Find(targets, n)).Where(t => plan.Contains(t) && !t.Invoked);
            foreach (var target in named.ToList()) MarkSkipped(target, "--skip");
        }

        foreach (var target in plan.Where(t => t.Status != ExecutionStatus.Skipped))
            if (target.Definition.StaticConditions.FirstOrDefault(c => !ExpressionText.Evaluate(c)) is { } condition)
                MarkSkipped(target, ExpressionText.Of(condition));

        bool changed;
        do
        {
            changed = false;
            var needed = plan.Where(t => t.Status != ExecutionStatus.Skipped)
                .SelectMany(t => t.ExecutionDependencies.Concat(t.Triggers)).ToHashSet();
            var cascading = plan.Where(t => t.Status == ExecutionStatus.Skipped).ToList();
            foreach (var skipped in cascading)
                foreach (var (dependency, relation) in skipped.ExecutionDependencies.Select(d => (d, "dependency of"))
                             .Concat(skipped.Triggers.Select(d => (d, "triggered by"))))
                    if (dependency.Status != ExecutionStatus.Skipped && !dependency.Invoked
                        && !needed.Contains(dependency))
                    {
                        MarkSkipped(dependency, $"{relation} skipped {skipped.Name}");
                        changed = true;
                    }
        } while (changed);
    }

    private static void MarkSkipped(ExecutableTarget target, string reason)
    {
        target.Status = ExecutionStatus.Skipped;
        target.SkipReason = reason;
    }
}
