namespace TvmBuild.Lint;

/// <summary>How a linter runs: in C# (no tools at all), or as a command on the selected files (or on the whole
/// tree).</summary>
public abstract record LintAction;
