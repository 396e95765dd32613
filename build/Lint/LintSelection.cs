namespace TvmBuild.Lint;

/// <summary>The paths to lint (relative to the tree), those of them that are new, and how to say which they
/// are.</summary>
public sealed record LintSelection(IReadOnlyList<string> Paths, IReadOnlySet<string> Added, string Description,
    string? Base = null);
