using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace TvmBuild.Engine;

/// <summary>Every <c>[Parameter]</c> of a build: fields and properties of the class (with NukeBuild's built-ins)
/// and properties of the component interfaces it lists. One name, one parameter: two that share a CLI or
/// environment name are a bug of the build, reported at once.</summary>
internal static class ParameterCatalog
{
    private static readonly Dictionary<MemberInfo, ParameterInfo> Cache = [];

    /// <summary>A type's members do not change while the process runs: reflect over a build once (Setup, help and the
    /// parameter checks all ask).</summary>
    private static readonly Dictionary<Type, IReadOnlyList<ParameterInfo>> ByType = [];

    public static ParameterInfo For(MemberInfo member)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(member, out var info))
                Cache[member] = info = new ParameterInfo(member, member.GetCustomAttribute<ParameterAttribute>()
                    ?? throw new InvalidOperationException($"{member.Name} has no [Parameter] attribute"));
            return info;
        }
    }

    /// <summary>The CLI names (without dashes) of a build's parameters.</summary>
    public static IEnumerable<string> Names(IEnumerable<ParameterInfo> parameters) =>
        parameters.Select(p => p.CliName[2..]);

    public static IReadOnlyList<ParameterInfo> Of([DynamicallyAccessedMembers(NukeBuild.Reflected)] Type buildType)
    {
        lock (ByType)
        {
            if (!ByType.TryGetValue(buildType, out var parameters)) ByType[buildType] = parameters = Reflect(buildType);
            return parameters;
        }
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "buildType is annotated NukeBuild.Reflected " +
        "(All), which keeps the members of every interface it implements; the analyzer cannot follow GetInterfaces().")]
    private static List<ParameterInfo> Reflect([DynamicallyAccessedMembers(NukeBuild.Reflected)] Type buildType)
    {
        const BindingFlags flags =
            BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var types = new List<Type>();
        for (var t = buildType; t is not null && t != typeof(object); t = t.BaseType) types.Add(t);
        types.AddRange(buildType.GetInterfaces());
        var parameters = types
            .SelectMany(t => t.GetFields(flags).Cast<MemberInfo>().Concat(t.GetProperties(flags)))
            .Where(m => m.IsDefined(typeof(ParameterAttribute)) && !m.Name.Contains('.'))
            .Select(For)
            .ToList();
        CheckUnique(parameters, p => [ParameterService.Normalize(p.CliName)], "command-line name");
        CheckUnique(parameters, p => p.EnvironmentNames.Select(ParameterService.Normalize), "environment variable");
        return parameters;
    }

    private static void CheckUnique(List<ParameterInfo> parameters, Func<ParameterInfo, IEnumerable<string>> names,
        string what)
    {
        var owners = new Dictionary<string, ParameterInfo>();
        foreach (var parameter in parameters)
            foreach (var name in names(parameter))
                if (!owners.TryAdd(name, parameter))
                    throw new InvalidOperationException(
                        $"Parameters {Member(owners[name])} and {Member(parameter)} share the {what} '{name}'");
        static string Member(ParameterInfo parameter) =>
            $"{parameter.Member.DeclaringType!.Name}.{parameter.MemberName}";
    }

    /// <summary>The targets that read a parameter: those its attribute names (<c>For</c>), else those declared beside
    /// it in its component, else (a data-only <c>IHaz*</c> interface) every target of a component that extends it.
    /// A parameter of the build class itself, or a built-in, is read by every target.</summary>
    public static IReadOnlyList<ExecutableTarget> Readers(ParameterInfo parameter,
        IReadOnlyList<ExecutableTarget> targets)
    {
        if (parameter.Attribute.For is { } names)
            return names.Except(targets.Select(t => t.Name)).FirstOrDefault() is { } unknown
                ? throw new InvalidOperationException(
                    $"[Parameter(For = ...)] of {parameter.MemberName} names no target '{unknown}'")
                : targets.Where(t => names.Contains(t.Name)).ToList();
        var declaring = parameter.Member.DeclaringType!;
        if (!declaring.IsInterface) return targets;
        var beside = targets.Where(t => t.DeclaringType == declaring).ToList();
        return beside.Count > 0 ? beside : targets.Where(t => t.DeclaringType.IsAssignableTo(declaring)).ToList();
    }
}
