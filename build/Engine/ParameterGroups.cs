namespace TvmBuild.Engine;

/// <summary>Parameters grouped by the targets that read them (<see cref="ParameterCatalog.Readers"/>), for --help: one
/// heading per set of readers, within the targets asked about (every listed target, or a plan). The built-ins come
/// last: every target reads them.</summary>
internal static class ParameterGroups
{
    public sealed record Group(string Heading, IReadOnlyList<ParameterInfo> Parameters);

    /// <param name="scope">The targets asked about, in the order headings name them.</param>
    /// <param name="whole">Scope is every listed target: a parameter all of them read is "Every target".</param>
    public static List<Group> Of(IReadOnlyList<ParameterInfo> parameters, IReadOnlyList<ExecutableTarget> targets,
        IReadOnlyList<ExecutableTarget> scope, bool whole)
    {
        var position = scope.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i);
        var groups = parameters.Where(p => !p.IsBuiltIn)
            .Select(p => (Parameter: p, Readers: ParameterCatalog.Readers(p, targets).Where(position.ContainsKey)
                .OrderBy(t => position[t]).ToList()))
            .Where(x => x.Readers.Count > 0)
            .GroupBy(x => string.Join(" ", x.Readers.Select(r => r.Name)))
            .Select(g => (g.First().Readers, Parameters: g.Select(x => x.Parameter).ToList()))
            // The parameters of one target first (in target order), then those shared by more, the widest last.
            .OrderBy(g => g.Readers.Count * 2 > scope.Count ? 1 : 0)
            .ThenBy(g => g.Readers.Count * 2 > scope.Count ? g.Readers.Count : 0)
            .ThenBy(g => position[g.Readers[0]])
            .ThenBy(g => g.Readers.Count)
            .Select(g => new Group(Heading(g.Readers, scope, whole), Sorted(g.Parameters)))
            .ToList();
        var builtIn = parameters.Where(p => p.IsBuiltIn).ToList();
        if (builtIn.Count > 0) groups.Add(new Group("Built in (every target)", Sorted(builtIn)));
        return groups;
    }

    private static string Heading(List<ExecutableTarget> readers, IReadOnlyList<ExecutableTarget> scope, bool whole)
    {
        if (whole && readers.Count == scope.Count) return "Every target";
        var others = scope.Except(readers).ToList();
        return whole && others.Count < readers.Count
            ? $"Every target but {string.Join(", ", others.Select(t => t.Name))}"
            : string.Join(", ", readers.Select(t => t.Name));
    }

    private static List<ParameterInfo> Sorted(IEnumerable<ParameterInfo> parameters) =>
        parameters.OrderBy(p => p.CliName, StringComparer.Ordinal).ToList();
}
