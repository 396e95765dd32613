using TvmBuild.Ci;
using TvmBuild.Engine;

/// <summary>A CI task's key (the result cache's StepInputs): the tree's paths its steps' targets read, its steps as
/// the catalog spells them (and those of the tasks whose artifacts it takes), where each runs, and its outputs: the
/// artifacts it produces and its JUnit files.</summary>
interface ICiInputs : IHazStepInputs
{
    StepInputs TaskInputs(CiCatalog catalog, IReadOnlyList<CiTaskSpec> tasks, TaskRunner runner, bool native,
        Func<CiStep, string?, string?> buildDirectory)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        var values = new List<(string, string?)>();
        var outputs = new List<string>();
        var specs = tasks.Concat(tasks.SelectMany(catalog.NeedsOf)).DistinctBy(t => t.Name);
        foreach (var task in specs)
        {
            var place = runner.Place(task, Docker, native);
            values.Add(($"task {task.Name}", string.Join("\n", task.Steps.Select(step =>
                string.Join("\0", task.Arguments(step, null)) + " " + string.Join(" ", task.Environment
                    .Concat(step.Environment).Select(p => $"{p.Key}={p.Value}"))))));
            values.Add(($"place {task.Name}", place.Image is null ? "this machine" : ImageIdentity(place.Image)));
        }
        foreach (var task in tasks)
        {
            foreach (var target in task.Steps.SelectMany(s => s.Targets).Distinct())
                foreach (var declared in ExecutableTargets.Where(t => t.Name == target)
                             .SelectMany(t => t.TransitiveDependencies.Append(t)))
                    try { paths.UnionWith(declared.DeclaredInputs()?.Paths ?? []); }
                    catch (BuildFailure) { } // the step fails when it runs, and says why
            outputs.AddRange(task.Produces);
            outputs.AddRange(task.Steps.Select(s => buildDirectory(s, runner.Place(task, Docker, native).Image))
                .OfType<string>().Distinct().Select(d => $"{Path.GetRelativePath(TvmRoot, d)}/pytest-results/*.xml"));
        }
        var onHost = tasks.Any(t => runner.Place(t, Docker, native).Image is null);
        return StepInputsOf([.. paths], onHost ? ["cmake", "ninja", "c++", "python3"] : [], [.. values])
            with
        { OutputRoot = TvmRoot, Outputs = outputs, NeedsOutputs = tasks.Any(t => t.Produces.Count > 0) };
    }
}
