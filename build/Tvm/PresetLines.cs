using Serilog;
using TvmBuild.Engine;

namespace TvmBuild.Tvm;

/// <summary>A preset's config.cmake lines: from the tree's own script when it has one, else from the layout's
/// data.</summary>
public static class PresetLines
{
    public static IReadOnlyList<string> Of(Layout layout, string preset, AbsolutePath tvm, PresetFacts facts,
        IReadOnlyDictionary<string, string> variables)
    {
        if (layout.TreePresets.TryGetValue(preset, out var script))
        {
            Log.Verbose("Preset {Preset}: the set(...) lines of {Script}", preset, script);
            var reads = 0;
            PresetScript Read(string path)
            {
                if (!layout.TreePresets.ContainsValue(path))
                    throw new BuildFailure($"{script} calls {path}, which is no preset script of this tree.",
                        "Give the preset in build/layouts.yaml, or check the script.");
                if (++reads > 10)
                    throw new BuildFailure($"{script} calls preset scripts in a loop.", "Check the script.");
                return PresetScript.Parse((tvm / path).ReadAllText(), path);
            }
            return Read(script).Lines(facts, Read);
        }
        if (layout.Presets.TryGetValue(preset, out var settings))
            return [.. settings.Select(s => $"set({Layouts.Expand(s, variables, $"Preset {preset}")})")];
        throw new BuildFailure($"Unknown preset '{preset}' for the {layout.Name} layout of TVM.",
            $"Valid: {string.Join(", ", layout.PresetNames)}.");
    }
}
