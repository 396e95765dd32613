using TvmBuild.Engine;

namespace TvmBuild.Tvm;

/// <summary>Which layout a tree is, from its features (the paths build/layouts.yaml's markers and absent lists name):
/// exactly one must match. Two that match are a mistake in the data; none names, for the nearest layouts, what the
/// tree lacks or has too many.</summary>
public static class LayoutChoice
{
    public static Layout Choose(IReadOnlyList<Layout> layouts, Func<string, bool> exists, string tree)
    {
        var unmet = layouts.Select(l => (Layout: l, Unmet: l.Unmet(exists))).ToList();
        var matches = unmet.Where(u => u.Unmet.Count == 0).Select(u => u.Layout).ToList();
        if (matches.Count > 1)
            throw new BuildFailure(
                $"{tree} matches {matches.Count} layouts: " +
                string.Join(" and ", matches.Select(m => $"{m.Name} ({m.Requirements})")) + ".",
                "Tell them apart in build/layouts.yaml: give one a marker, or an absent path, that the other lacks.");
        if (matches.Count == 1)
        {
            matches[0].Why = matches[0].Requirements;
            return matches[0];
        }
        var fewest = unmet.Count == 0 ? 0 : unmet.Min(u => u.Unmet.Count);
        var nearest = unmet.Where(u => u.Unmet.Count == fewest)
            .Select(u => $"{string.Join(" and ", u.Unmet)} for {u.Layout.Name}");
        throw new BuildFailure($"{tree} looks like TVM but matches no known layout: it {string.Join("; ", nearest)}.",
            "Looked for: " + string.Join("; ", layouts.Select(l => $"{l.Name} = {l.Requirements}")) + ".");
    }
}
