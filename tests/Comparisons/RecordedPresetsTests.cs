using System.Text.Json;
using Shouldly;
using TvmBuild.Engine;
using TvmBuild.Tests.Support;
using TvmBuild.Tvm;
using Xunit;

namespace TvmBuild.Tests.Comparisons;

/// <summary>tests/data/tvm-presets.json: per TVM ref (v0.9.0 to v0.26.0, main), the paths build/layouts.yaml tells
/// layouts apart by and the lines each task_config_build_&lt;preset&gt;.sh appended when run
/// (tests/data/record-tvm-presets.py re-records it, and with --compare runs Configure in real trees against it).
/// Without a TVM tree: each ref is of exactly its layout, and the layouts' data presets are those refs' lines. With one
/// (TVM_HOME, a clone holding the refs; those it lacks are skipped): reading each ref's scripts gives the lines
/// running them gave.</summary>
public class RecordedPresetsTests
{
    private static readonly JsonElement Recorded = JsonDocument.Parse(File.ReadAllText(
        Path.Combine(BuildScript.RepoRoot, "tests", "data", "tvm-presets.json"))).RootElement;

    private static IReadOnlyList<Layout> LoadLayouts() =>
        Layouts.Load(AbsolutePath.Create(Path.Combine(BuildScript.RepoRoot, "build", "layouts.yaml")));

    private static IEnumerable<(string Ref, JsonElement Entry)> Refs =>
        Recorded.GetProperty("refs").EnumerateObject().Select(p => (p.Name, p.Value));

    /// <summary>The ref's lines for the preset; a script that fails because it calls another one by a path from the
    /// tree's root (gpu_vulkan → gpu_other) means that one's.</summary>
    private static List<string> Expected(JsonElement presets, string preset) =>
        presets.GetProperty(preset).TryGetProperty("lines", out var lines) ? Recordings.Strings(lines)
            : Recordings.Strings(presets.GetProperty("gpu_other").GetProperty("lines"));

    private static string LayoutOf(string reference) => reference switch
    {
        "main" => "main",
        "v0.9.0" => "v0.9.0",
        _ => Version.Parse(reference[1..]).Minor switch
        {
            < 20 => "v0.10.0",
            < 22 => "v0.20.0",
            < 24 => "v0.22.0",
            _ => "main",
        },
    };

    [Fact]
    public void Each_ref_is_of_exactly_its_layout()
    {
        var layouts = LoadLayouts();
        var probed = Recordings.Strings(Recorded.GetProperty("features"));
        layouts.SelectMany(l => l.Markers.Concat(l.Absent)).Distinct().Order(StringComparer.Ordinal).ToList()
            .ShouldBe(probed, "build/layouts.yaml names other paths: re-record with tests/data/record-tvm-presets.py");
        foreach (var (reference, entry) in Refs)
        {
            var has = Recordings.Strings(entry.GetProperty("has"));
            LayoutChoice.Choose(layouts, has.Contains, reference).Name.ShouldBe(LayoutOf(reference), reference);
        }
    }

    [Fact]
    public void The_data_presets_are_the_lines_of_main_and_v090()
    {
        var environment = Recorded.GetProperty("environment").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString()!);
        foreach (var layout in LoadLayouts().Where(l => l.Presets.Count > 0))
        {
            var presets = Refs.Single(r => r.Ref == layout.Name).Entry.GetProperty("presets");
            layout.Presets.Keys.Order().ShouldBe(presets.EnumerateObject().Select(p => p.Name).Order(), layout.Name);
            foreach (var (name, settings) in layout.Presets)
                settings.Select(s => $"set({Layouts.Expand(s, environment, name)})")
                    .ShouldBe(Expected(presets, name), $"{layout.Name} {name}");
        }
    }

    [RealTvmFact]
    public void Reading_each_refs_scripts_gives_what_running_them_gave()
    {
        var git = Environment.GetEnvironmentVariable("TVM_HOME")!;
        var environment = Recorded.GetProperty("environment").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString());
        var facts = new PresetFacts(_ => false, _ => false, environment.GetValueOrDefault, "x86_64");
        var read = 0;
        foreach (var (reference, entry) in Refs)
        {
            var commit = entry.GetProperty("commit").GetString()!;
            if (Processes.Run("git", ["-C", git, "cat-file", "-e", $"{commit}^{{commit}}"]).Code != 0) continue;
            read++;
            string Show(string path) => Processes.Run("git", ["-C", git, "show", $"{commit}:{path}"]) is (0, var text)
                ? text : throw new InvalidOperationException($"{reference}: no {path} in {git}");
            PresetScript Read(string path) => PresetScript.Parse(Show(path), path);
            var presets = entry.GetProperty("presets");
            foreach (var preset in presets.EnumerateObject())
                Read($"tests/scripts/task_config_build_{preset.Name}.sh").Lines(facts, Read)
                    .SelectMany(l => l.Split('\n'))
                    .ShouldBe(Expected(presets, preset.Name), $"{reference} {preset.Name}");
        }
        read.ShouldBePositive($"{git} holds none of the recorded commits (a clone with TVM's tags does)");
    }
}
