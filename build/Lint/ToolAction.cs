namespace TvmBuild.Lint;

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
