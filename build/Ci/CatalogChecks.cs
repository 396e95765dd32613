namespace TvmBuild.Ci;

/// <summary>What must hold between tasks: needs name tasks that produce something, no cycles, a need runs in an
/// earlier Jenkins stage, a name or alias means one task.</summary>
internal static class CatalogChecks
{
    public static void Run(CiCatalog catalog, YamlFields y)
    {
        var tasks = catalog.Tasks;
        foreach (var task in tasks)
            foreach (var need in task.Needs.Where(n => tasks.All(t => t.Name != n)))
                throw y.Error(task.Line, $"task '{task.Name}' needs '{need}', which is not a task");
        var visiting = new Stack<string>();
        var visited = new HashSet<string>();
        void Visit(CiTaskSpec task)
        {
            if (visiting.Contains(task.Name))
                throw y.Error(task.Line, "tasks depend on each other in a cycle: " +
                    string.Join(" -> ", visiting.Reverse().SkipWhile(n => n != task.Name).Append(task.Name)));
            if (!visited.Add(task.Name)) return;
            visiting.Push(task.Name);
            foreach (var need in task.Needs) Visit(tasks.First(t => t.Name == need));
            visiting.Pop();
        }
        foreach (var task in tasks) Visit(task);
        foreach (var task in tasks)
            foreach (var need in task.Needs.Select(n => tasks.First(t => t.Name == n)))
            {
                if (need.Produces.Count == 0)
                    throw y.Error(task.Line,
                        $"task '{task.Name}' consumes the artifacts of '{need.Name}', which produces none");
                if (task.OnJenkins && !need.OnJenkins || task.OnGitHub && !need.OnGitHub)
                    throw y.Error(task.Line,
                        $"task '{task.Name}' needs '{need.Name}', which does not run on the same CI");
            }
        var stages = catalog.JenkinsStages().Select(s => s.Stage).ToList();
        foreach (var task in tasks.Where(t => t.OnJenkins))
            foreach (var need in task.Needs.Select(n => tasks.First(t => t.Name == n)))
                if (stages.IndexOf(need.Stage) >= stages.IndexOf(task.Stage))
                    throw y.Error(task.Line, $"task '{task.Name}' (stage {task.Stage}) needs '{need.Name}', " +
                        $"which runs in stage {need.Stage}, not before it");
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var task in tasks)
            foreach (var name in task.Aliases.Prepend(task.Name))
                if (!names.TryAdd(name, task.Name) && names[name] != task.Name)
                    throw y.Error(task.Line,
                        $"task '{task.Name}': the name \"{name}\" is task '{names[name]}' already");
    }
}
