using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace TvmBuild.Engine;

/// <summary>Finds every <see cref="Target"/> property of the build class and of the component interfaces it
/// lists, evaluates each definition once, and links the relations between them.</summary>
internal static class ExecutableTargetFactory
{
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "T is annotated NukeBuild.Reflected (All), " +
        "which keeps the members of every interface it implements; the analyzer cannot follow GetInterfaces().")]
    public static List<ExecutableTarget> Create<[DynamicallyAccessedMembers(NukeBuild.Reflected)] T>(T build,
        IReadOnlyCollection<string> defaultTargets) where T : NukeBuild
    {
        var type = typeof(T);
        var properties = type.GetInterfaces().Prepend(type)
            .SelectMany(t => t.GetProperties(
                BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(p => p.PropertyType == typeof(Target) && !p.Name.Contains('.'))
            .GroupBy(p => p.Name)
            .Select(g => g.Skip(1).FirstOrDefault() is { } other
                // As Nuke (allowAmbiguity: false) and as for parameter names: never silently the first of two.
                ? throw new InvalidOperationException($"Targets {g.First().DeclaringType!.Name}.{g.Key} and " +
                    $"{other.DeclaringType!.Name}.{g.Key} share the name '{g.Key}'")
                : g.First());

        var targets = new List<ExecutableTarget>();
        var byFactory = new Dictionary<Target, ExecutableTarget>();
        foreach (var property in properties)
        {
            var factory = (Target)property.GetValue(build)!;
            var definition = new TargetDefinition(build);
            factory(definition);
            var target = new ExecutableTarget(property.Name, property.DeclaringType!, factory, definition,
                defaultTargets.Contains(property.Name));
            targets.Add(target);
            byFactory[factory] = target;
        }

        ExecutableTarget Resolve(Target factory) => byFactory.TryGetValue(factory, out var t) ? t
            : throw new InvalidOperationException($"A relation names a target that is not a property of {type.Name}");

        foreach (var target in targets)
        {
            var d = target.Definition;
            target.ExecutionDependencies.AddRange(d.DependsOnTargets.Select(Resolve));
            foreach (var other in d.DependentForTargets.Select(Resolve)) other.ExecutionDependencies.Add(target);
            target.OrderDependencies.AddRange(d.AfterTargets.Select(Resolve));
            foreach (var other in d.BeforeTargets.Select(Resolve)) other.OrderDependencies.Add(target);
            target.Triggers.AddRange(d.TriggersTargets.Select(Resolve));
            foreach (var other in d.TriggeredByTargets.Select(Resolve)) other.Triggers.Add(target);
        }
        foreach (var target in targets)
            foreach (var triggered in target.Triggers)
                triggered.TriggeredBy.Add(target);

        return targets.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
    }
}
