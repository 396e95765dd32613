namespace TvmBuild.Engine;

/// <summary>Invoked targets + their dependencies + what they trigger, in a topological order over every kind of
/// edge (DependsOn, After/Before, Triggers). Unrelated targets keep alphabetical order so plans are stable.</summary>
internal static class ExecutionPlanner
{
    public static ExecutableTarget Find(IReadOnlyList<ExecutableTarget> targets, string name)
    {
        var wanted = Normalize(name);
        return targets.FirstOrDefault(t => Normalize(t.Name) == wanted)
            ?? throw new BuildFailure($"Unknown target '{name}'.",
                Suggest(name, targets.Where(t => t.Listed).Select(t => t.Name)));
    }

    public static List<ExecutableTarget> Plan(IReadOnlyList<ExecutableTarget> targets,
        IReadOnlyList<ExecutableTarget> invoked)
    {
        var planned = new HashSet<ExecutableTarget>();
        var queue = new Queue<ExecutableTarget>(invoked);
        while (queue.TryDequeue(out var target))
        {
            if (!planned.Add(target)) continue;
            foreach (var next in target.ExecutionDependencies.Concat(target.Triggers)) queue.Enqueue(next);
        }

        var ordered = new List<ExecutableTarget>();
        var state = new Dictionary<ExecutableTarget, int>(); // 1 visiting, 2 done
        var path = new Stack<ExecutableTarget>();
        void Visit(ExecutableTarget target)
        {
            if (state.GetValueOrDefault(target) == 2) return;
            if (state.GetValueOrDefault(target) == 1)
            {
                var cycle = path.Reverse().SkipWhile(t => t != target).Append(target).Select(t => t.Name);
                throw new BuildFailure($"Circular dependency between targets: {string.Join(" -> ", cycle)}.",
                    "Remove one of the DependsOn/After/Before/Triggers relations on that path.");
            }
            state[target] = 1;
            path.Push(target);
            foreach (var dependency in target.AllDependencies.Where(planned.Contains)
                         .OrderBy(t => t.Name, StringComparer.Ordinal))
                Visit(dependency);
            path.Pop();
            state[target] = 2;
            ordered.Add(target);
        }
        foreach (var target in planned.OrderBy(t => t.Name, StringComparer.Ordinal)) Visit(target);
        return ordered;
    }

    public static string Normalize(string name) => name.Replace("-", "").Replace("_", "").ToLowerInvariant();

    /// <summary>"Did you mean 'X'? Valid: A, B." for a list a user can read in one line.</summary>
    public static string Suggest(string name, IEnumerable<string> candidates)
    {
        var list = candidates.ToList();
        return $"{DidYouMean(name, list)}Valid: {string.Join(", ", list)}.";
    }

    public static string DidYouMean(string name, IEnumerable<string> candidates)
    {
        var close = candidates
            .Select(candidate => (Candidate: candidate, Distance: Distance(Normalize(name), Normalize(candidate))))
            .Where(x => x.Distance <= Math.Max(2, name.Length / 3))
            .OrderBy(x => x.Distance).Select(x => x.Candidate).FirstOrDefault();
        return close is null ? "" : $"Did you mean '{close}'? ";
    }

    private static int Distance(string a, string b)
    {
        var distances = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) distances[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) distances[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
                distances[i, j] = Math.Min(Math.Min(distances[i - 1, j] + 1, distances[i, j - 1] + 1),
                    distances[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return distances[a.Length, b.Length];
    }
}
