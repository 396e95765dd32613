using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.InProcessBuild;

namespace TvmBuild.Tests.Comparisons;

/// <summary>Each preset's config.cmake lines equal what the ref's task_config_build_&lt;preset&gt;.sh appended (the
/// recording), in order. Runs in every CI run; record.py re-records from a real tree.</summary>
[Collection(nameof(InProcessCollection))]
public class PresetRecordingTests
{
    public static TheoryData<string> Layouts => new(Recordings.Layouts);

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Every_preset_appends_the_lines_the_trees_script_appends(string layout)
    {
        var recording = Recordings.Read($"presets.{layout}.json");
        var environment = recording.GetProperty("environment").EnumerateObject()
            .ToDictionary(p => p.Name, p => (string?)p.Value.GetString());
        var tree = Recordings.FixtureOf(layout, new Dictionary<string, string>());
        var template = File.ReadAllText(Path.Combine(tree, "cmake", "config.cmake"));
        var presets = recording.GetProperty("presets").EnumerateObject().ToList();
        presets.ShouldNotBeEmpty();
        foreach (var preset in presets)
        {
            // v0.9.0's task_config_build_gpu_vulkan.sh calls the gpu_other script by a path relative to the tree root
            // and fails when run from elsewhere: what it means to write is gpu_other's file.
            var lines = preset.Value.TryGetProperty("fails", out _) && preset.Name == "gpu_vulkan"
                ? recording.GetProperty("presets").GetProperty("gpu_other").GetProperty("lines")
                : preset.Value.GetProperty("lines");
            var build = Path.Combine(TempDirectory(), "build");
            var result = Run(
                ["Configure", "--config-only", "--tvm-home", tree, "--preset", preset.Name, "--build-dir", build],
                environment);
            result.ExitCode.ShouldBe(0, result.ToString());
            var config = File.ReadAllText(Path.Combine(build, "config.cmake"));
            config.ShouldStartWith(template);
            var appended = config[template.Length..].Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
            appended.ShouldBe(Recordings.Strings(lines), $"{layout} preset {preset.Name}");
        }
    }
}
