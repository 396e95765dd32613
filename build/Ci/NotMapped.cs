namespace TvmBuild.Ci;

/// <summary>What TVM's CI does that no task maps: names of its stages, calls or workflow steps, and why. Done: the
/// generated files or the build do it another way; otherwise it is left out.</summary>
public sealed record NotMapped(IReadOnlyList<string> Names, string Why, bool Done);
