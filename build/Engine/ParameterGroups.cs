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
        // Plain loops and classes: LINQ over tuples is compiled at start-up, and --help should answer at once.
        var position = new Dictionary<ExecutableTarget, int>();
        for (var i = 0; i < scope.Count; i++) position[scope[i]] = i;
        var byReaders = new Dictionary<string, Readers>();
        foreach (var parameter in parameters.Where(p => !p.IsBuiltIn))
        {
            var readers = ParameterCatalog.Readers(parameter, targets).Where(position.ContainsKey)
                .OrderBy(t => position[t]).ToList();
            if (readers.Count == 0) continue;
            var key = string.Join(" ", readers.Select(r => r.Name));
            if (!byReaders.TryGetValue(key, out var group)) byReaders[key] = group = new Readers(readers, []);
            group.Parameters.Add(parameter);
        }
        var groups = byReaders.Values
            // The parameters of one target first (in target order), then those shared by more, the widest last.
            .OrderBy(g => g.Targets.Count * 2 > scope.Count ? 1 : 0)
            .ThenBy(g => g.Targets.Count * 2 > scope.Count ? g.Targets.Count : 0)
            .ThenBy(g => position[g.Targets[0]])
            .ThenBy(g => g.Targets.Count)
            .Select(g => new Group(Heading(g.Targets, scope, whole), Sorted(g.Parameters)))
            .ToList();
        var builtIn = parameters.Where(p => p.IsBuiltIn).ToList();
        if (builtIn.Count > 0) groups.Add(new Group("Built in (every target)", Sorted(builtIn)));
        return groups;
    }

    private sealed record Readers(List<ExecutableTarget> Targets, List<ParameterInfo> Parameters);

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
