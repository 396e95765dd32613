namespace TvmBuild.Lint;

/// <summary>Which files Lint looks at: every file, those changed against a base (plus untracked ones), or those staged
/// for commit (what the git hook checks).</summary>
public enum LintScope { All, Changed, Staged }
