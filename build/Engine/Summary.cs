using Spectre.Console;

namespace TvmBuild.Engine;

/// <summary>The table Nuke prints at the end of a build, then the targets' report lines and the
/// outcome.</summary>
internal static class Summary
{
    public static string Render(NukeBuild build, bool cancelled, DateTime finished)
    {
        var rows = build.ExecutionPlan.Where(t => t.Status != ExecutionStatus.Collective).ToList();
        var table = Tables.Create("Target", "Status", "Duration", "");
        table.Columns[2].RightAligned();
        foreach (var target in rows)
        {
            var hasDuration =
                target.Status is ExecutionStatus.Succeeded or ExecutionStatus.Failed or ExecutionStatus.Aborted;
            var note = target.FailureSummary ?? target.SkipReason ?? target.Note;
            table.AddRow(Markup.Escape(target.Name), Markup.Escape(target.Status.ToString()),
                hasDuration ? Format(target.Duration) : "",
                note is null ? "" : Markup.Escape($"// {Shorten(note)}"));
        }
        table.AddEmptyRow();
        table.AddRow("Total", "", Format(TimeSpan.FromTicks(rows.Sum(t => t.Duration.Ticks))), "");
        var lines = new List<string> { Tables.Render(table, plain: !build.Host.IsInteractive) };
        foreach (var (key, value) in build.SummaryPairs) lines.Add($"{key}: {value}");
        var outcome = cancelled ? "cancelled" : IsFailure(build) ? "failed" : "succeeded";
        lines.Add("");
        lines.Add($"Build {outcome} on {finished:yyyy-MM-dd HH:mm:ss}.");
        return string.Join(Environment.NewLine, lines);
    }

    public static bool IsFailure(NukeBuild build) =>
        build.ExecutionPlan.Any(t =>
            t.Status is ExecutionStatus.Failed or ExecutionStatus.Aborted or ExecutionStatus.NotRun);

    /// <summary>A note fits the table (a failed command's whole command line would stretch it to many screens); the
    /// whole message is logged above it.</summary>
    private static string Shorten(string note) => note.Length <= NoteWidth ? note : note[..(NoteWidth - 1)] + "…";

    private const int NoteWidth = 100;

    private static string Format(TimeSpan duration) =>
        duration < TimeSpan.FromSeconds(1) ? "< 1s" : $"{(int)duration.TotalMinutes}:{duration.Seconds:00}";
}
