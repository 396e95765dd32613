namespace TvmBuild.Lint;

/// <summary>One problem a linter found, printed as <c>path:line:col: linter: message</c>.</summary>
public sealed record LintProblem(string Path, int Line, int Column, string Linter, string Message)
{
    /// <summary>A finding the tool printed without a file:line (pre-commit shows the hook's output): attributed to the
    /// linter.</summary>
    public static LintProblem OfLinter(string linter, string message) => new("", 0, 0, linter, message);

    public override string ToString() =>
        Path == "" ? $"{Linter}: {Message}" : $"{Path}:{Line}:{Column}: {Linter}: {Message}";
}
