namespace TvmBuild.Engine;

/// <summary>The table Nuke prints at the end of a build (nuke-model.md §3).</summary>
internal static class Summary
{
    private const int Width = 60;

    public static string Render(NukeBuild build, bool cancelled, DateTime finished)
    {
        var rows = build.ExecutionPlan.Where(t => t.Status != ExecutionStatus.Collective).ToList();
        var nameWidth = Math.Max(19, rows.Select(t => t.Name.Length + 2).DefaultIfEmpty(0).Max());
        var lines = new List<string> { new('═', Width), Row("Target", "Status", "Duration", nameWidth), new('─', Width) };
        foreach (var target in rows)
        {
            var hasDuration = target.Status is ExecutionStatus.Succeeded or ExecutionStatus.Failed or ExecutionStatus.Aborted;
            var row = Row(target.Name, target.Status.ToString(), hasDuration ? Format(target.Duration) : "", nameWidth);
            var note = target.FailureSummary ?? target.SkipReason;
            lines.Add(note is null ? row : $"{row}   // {note}");
        }
        lines.Add(new('─', Width));
        lines.Add(Row("Total", "", Format(TimeSpan.FromTicks(rows.Sum(t => t.Duration.Ticks))), nameWidth));
        lines.Add(new('═', Width));
        foreach (var (key, value) in build.SummaryPairs) lines.Add($"{key}: {value}");
        var outcome = cancelled ? "cancelled" : IsFailure(build) ? "failed" : "succeeded";
        lines.Add("");
        lines.Add($"Build {outcome} on {finished:yyyy-MM-dd HH:mm:ss}.");
        return string.Join(Environment.NewLine, lines);
    }

    public static bool IsFailure(NukeBuild build) =>
        build.ExecutionPlan.Any(t => t.Status is ExecutionStatus.Failed or ExecutionStatus.Aborted or ExecutionStatus.NotRun);

    private static string Row(string name, string status, string duration, int nameWidth) =>
        $"{name.PadRight(nameWidth)}{status,-12}{duration,8}";

    private static string Format(TimeSpan duration) =>
        duration < TimeSpan.FromSeconds(1) ? "< 1s" : $"{(int)duration.TotalMinutes}:{duration.Seconds:00}";
}
