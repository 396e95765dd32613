using System.Text.Json;

namespace TvmBuild.Engine;

/// <summary>What a step's key was made of the last time it was checked on this machine (per step and tree), file by
/// file: <c>--explain</c> names what changed since. Kept in the local store's <c>last/</c> folder.</summary>
public sealed record LastRun
{
    public required string Key { get; init; }
    public required DateTime When { get; init; }
    public required List<List<string>> Inputs { get; init; }
    public Dictionary<string, Dictionary<string, string>> Files { get; init; } = [];

    public static LastRun? Read(AbsolutePath file)
    {
        try
        {
            return file.FileExists() ? JsonSerializer.Deserialize(File.ReadAllText(file), CacheJson.Default.LastRun)
                : null;
        }
        catch (Exception e) when (e is JsonException or IOException) { return null; }
    }

    public void Write(AbsolutePath file)
    {
        file.Parent.CreateDirectory();
        file.WriteAllTextAtomically(JsonSerializer.Serialize(this, CacheJson.Default.LastRun));
    }
}
