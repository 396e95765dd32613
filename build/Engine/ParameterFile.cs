namespace TvmBuild.Engine;

/// <summary>A parameters file: its path and its values by member name (any case).</summary>
internal sealed record ParameterFile(string Path, Dictionary<string, FileValue> Values);
