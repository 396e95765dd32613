namespace TvmBuild.Lint;

public sealed record LintResult(Linter Linter, int Files, LintOutcome Outcome, TimeSpan Duration, LintStatus Status,
    string? Detail = null, string? Version = null);

public enum LintStatus { Passed, Problems, Fixed, NoFiles, Missing, Crashed, DryRun }

/// <summary>What a linter found, and with --fix which files it changed.</summary>
public sealed record LintOutcome(List<LintProblem> Problems, List<string> Fixed)
{
    public static LintOutcome Empty => new([], []);
}

/// <summary>One problem a linter found, printed as <c>path:line:col: linter: message</c>.</summary>
public sealed record LintProblem(string Path, int Line, int Column, string Linter, string Message)
{
    /// <summary>A finding the tool printed without a file:line (pre-commit shows the hook's output): attributed to the
    /// linter.</summary>
    public static LintProblem OfLinter(string linter, string message) => new("", 0, 0, linter, message);

    public override string ToString() =>
        Path == "" ? $"{Linter}: {Message}" : $"{Path}:{Line}:{Column}: {Linter}: {Message}";
}
