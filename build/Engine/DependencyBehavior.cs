namespace TvmBuild.Engine;

public enum DependencyBehavior { Skip, Execute }
