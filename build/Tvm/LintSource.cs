namespace TvmBuild.Tvm;

/// <summary>Where a ref's linters come from.</summary>
public enum LintSource { PreCommit, TaskLint }
