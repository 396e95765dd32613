namespace TvmBuild.Lint;

/// <summary>A file of the tree, relative to its root, with pre-commit's type tags (text/binary, python, c++,
/// yaml...).</summary>
public sealed record LintFile(string Path, string FullPath, IReadOnlySet<string> Tags, bool IsNew);
