namespace TvmBuild.Lint;

/// <summary>How a linter runs: in C# (no tools at all), or as a command on the selected files (or on the whole
/// tree).</summary>
public abstract record LintAction;

/// <summary>Runs in-process: returns the problems; with fix, repairs what it can instead and names the files.</summary>
public sealed record NativeAction(Func<IReadOnlyList<LintFile>, bool, LintOutcome> Run) : LintAction;

/// <summary>An external tool. <paramref name="Check"/>/<paramref name="Fix"/> are argument lists; <c>{files}</c>
/// expands to the files (omitted when <paramref name="PassFilenames"/> is false). <paramref name="Output"/> parses its
/// findings.</summary>
public sealed record ToolAction(
    string Tool,
    IReadOnlyList<string> Check,
    IReadOnlyList<string>? Fix,
    string InstallHint,
    OutputParser Output,
    bool PassFilenames = true,
    IReadOnlyDictionary<string, string>? Environment = null,
    bool? Available = null,
    IReadOnlyList<string>? Needs = null,
    IReadOnlyList<string>? VersionArgs = null,
    string? Pinned = null,
    bool KeepOnlyItsFiles = false) : LintAction;
