namespace TvmBuild.Lint;

// Needs: what else the tool needs, each "module:NAME" (importable by the lint Python), "command:NAME" or "file:PATH"
// (in the tree); a missing one skips the linter with its install hint instead of letting it crash. VersionArgs ask the
// tool its version (shown in the table, with the tree's Pinned one when they differ). KeepOnlyItsFiles: a whole-tree
// script run for changed files reports only the findings in them.
/// <summary>A linter: its id (the pre-commit hook id where there is one), what it reads, how it runs. A linter with no
/// file of its own is skipped unless <paramref name="AlwaysRun"/> (pre-commit's always_run).
/// <paramref name="Version"/>: the version it runs, as the table shows it (e.g. "20.1.7 (pin 20.1.8)"), when known
/// before it runs.</summary>
public sealed record Linter(string Id, FileFilter Filter, LintAction Action, bool AlwaysRun = false,
    string? Version = null);
