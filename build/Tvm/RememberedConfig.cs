using System.Text.Json;
using TvmBuild.Engine;

namespace TvmBuild.Tvm;

/// <summary>What Configure was given besides the preset (--native, --cmake-option), kept in the build directory, so
/// that a later run that configures again without them (UnitTest after Compile) writes the same config.cmake instead
/// of the bare preset's.</summary>
public sealed record RememberedConfig(string Preset, bool Native, string[] CMakeOptions)
{

    public static AbsolutePath FileIn(AbsolutePath buildDirectory) => buildDirectory / ".tvm-build-config.json";

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => !Native && CMakeOptions.Length == 0;

    /// <summary>As the user would type it: "--native --cmake-option A=B".</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Arguments => string.Join(" ", (Native ? new[] { "--native" } : [])
        .Concat(CMakeOptions.Select(o => $"--cmake-option {Command.Quote(o)}")));

    /// <summary>The remembered choice, or null when there is none (or it cannot be read: then nothing is
    /// reused).</summary>
    public static RememberedConfig? Read(AbsolutePath buildDirectory)
    {
        var file = FileIn(buildDirectory);
        if (!file.FileExists()) return null;
        try
        {
            var read = JsonSerializer.Deserialize(file.ReadAllText(), RememberedConfigJson.Default.RememberedConfig);
            return read is { Preset: not null, CMakeOptions: not null } ? read : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Write(AbsolutePath buildDirectory) =>
        FileIn(buildDirectory).WriteAllTextAtomically(
            JsonSerializer.Serialize(this, RememberedConfigJson.Default.RememberedConfig) + "\n");
}
