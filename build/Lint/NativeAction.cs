namespace TvmBuild.Lint;

/// <summary>Runs in-process: returns the problems; with fix, repairs what it can instead and names the files.</summary>
public sealed record NativeAction(Func<IReadOnlyList<LintFile>, bool, LintOutcome> Run) : LintAction;
