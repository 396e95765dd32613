using System.Reflection;

namespace TvmBuild.Engine;

/// <summary>Every <c>[Parameter]</c> of a build: fields and properties of the class (with NukeBuild's built-ins)
/// and properties of the component interfaces it lists.</summary>
internal static class ParameterCatalog
{
    private static readonly Dictionary<MemberInfo, ParameterInfo> Cache = [];

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
    public static IEnumerable<string> Names(Type buildType) => Of(buildType).Select(p => p.CliName[2..]);

    public static List<ParameterInfo> Of(Type buildType)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var types = new List<Type>();
        for (var t = buildType; t is not null && t != typeof(object); t = t.BaseType) types.Add(t);
        types.AddRange(buildType.GetInterfaces());
        return types
            .SelectMany(t => t.GetFields(flags).Cast<MemberInfo>().Concat(t.GetProperties(flags)))
            .Where(m => m.IsDefined(typeof(ParameterAttribute)) && !m.Name.Contains('.'))
            .Select(For)
            .GroupBy(p => p.CliName)
            .Select(g => g.First())
            .ToList();
    }
}
