namespace TvmBuild.Lint;

public enum LintStatus { Passed, Problems, Fixed, NoFiles, Missing, Crashed, DryRun }
