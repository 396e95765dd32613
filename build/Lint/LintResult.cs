namespace TvmBuild.Lint;

public sealed record LintResult(Linter Linter, int Files, LintOutcome Outcome, TimeSpan Duration, LintStatus Status,
    string? Detail = null, string? Version = null);
