namespace TvmBuild.Engine;

/// <summary>An output file of a recorded result, relative to the step's output root.</summary>
public sealed record CacheOutput(string Path, string Sha256, long Size, bool Executable);
