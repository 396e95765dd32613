namespace TvmBuild.Engine;

public enum Verbosity { Quiet, Minimal, Normal, Verbose }
