namespace TvmBuild.Lint;

/// <summary>What a linter found, and with --fix which files it changed.</summary>
public sealed record LintOutcome(List<LintProblem> Problems, List<string> Fixed)
{
    public static LintOutcome Empty => new([], []);
}
