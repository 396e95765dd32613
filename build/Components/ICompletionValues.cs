using TvmBuild.Docker;
using TvmBuild.Engine;
using TvmBuild.Lint;
using TvmBuild.Tvm;

/// <summary>What shell completion offers after each parameter. Values that differ between TVM trees (presets, linters,
/// image shortcuts) are asked of the build while the user types (<c>./build.sh --complete preset --tvm-home X</c>: a
/// warm start, about 0.15 s); the generated scripts carry the values that hold for every tree, and those of every
/// layout as the fallback when the build cannot answer (not compiled yet, no tree).</summary>
interface ICompletionValues : ILint, ICi
{
    /// <summary>The parameters whose values come from the TVM tree.</summary>
    static IReadOnlyList<string> FromTree => ["--docker", "--linters", "--preset", "--skip-linters"];

    static IReadOnlyList<string> CMakeBuildTypes => ["Debug", "Release", "RelWithDebInfo", "MinSizeRel"];

    IReadOnlyList<string>? ValuesOf(ParameterInfo parameter, bool fromTree)
    {
        var layout = fromTree && TvmHome is not null ? TryLayout() : null;
        static List<string> Sorted(IEnumerable<string> values) => [.. values.Distinct().Order(StringComparer.Ordinal)];
        return parameter.CliName switch
        {
            "--preset" => layout is not null ? Sorted(layout.PresetNames)
                : Sorted(Layouts.Shipped().SelectMany(l => l.Presets.Keys)),
            "--linters" or "--skip-linters" => layout is null ? []
                : [.. LintCatalog
                    .For(layout, new LintTools(RootDirectory, TvmRoot, "python3", Runner, HasCiLintImage: false))
                    .Select(l => l.Id).Distinct()],
            "--docker" => layout is not null
                    && DockerImages.Read(TvmRoot, layout.Images, out _) is { Count: > 0 } images
                ? Sorted(images.Keys)
                : Sorted(Catalog.Tasks.Select(t => t.Image).Where(i => i != TvmBuild.Ci.CiCatalog.Host)),
            "--name" => [.. Catalog.Tasks.SelectMany(t => t.Aliases.Prepend(t.Name))],
            "--for" => [.. ExecutableTargets.Where(t => t.Listed).Select(t => t.Name)],
            "--build-type" => CMakeBuildTypes,
            _ => null,
        };
    }

    /// <summary>The tree's layout, or null when --tvm-home names no TVM tree (completion then offers every
    /// layout's).</summary>
    Layout? TryLayout()
    {
        try { return Layout; }
        catch (BuildFailure) { return null; }
    }
}
