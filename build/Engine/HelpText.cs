using System.Reflection;
using System.Text;

namespace TvmBuild.Engine;

/// <summary><c>--help</c>: targets with their direct dependencies and descriptions, then parameters with their type,
/// default and environment variable (nuke-model.md §9).</summary>
public static class HelpText
{
    private const int Column = 30;

    public static string Render(NukeBuild build, IReadOnlyList<ExecutableTarget> targets)
    {
        var text = new StringBuilder();
        text.AppendLine("Usage: ./build.sh [Target ...] [--parameter value ...] [-- command ...]");
        text.AppendLine();
        text.AppendLine("Targets (with their direct dependencies):");
        text.AppendLine();
        foreach (var target in targets.Where(t => t.Listed))
        {
            var name = target.IsDefault ? $"{target.Name} (default)" : target.Name;
            var dependencies = target.ExecutionDependencies.Where(d => d.Listed).Select(d => d.Name).ToList();
            text.AppendLine(dependencies.Count == 0 ? $"  {name}" : $"  {name.PadRight(Column - 4)} -> {string.Join(", ", dependencies)}");
            if (target.Description is { } description) text.AppendLine($"    {description}");
        }

        var parameters = ParameterCatalog.Of(build.GetType()).Where(p => p.Attribute.List).ToList();
        var defaults = DefaultsOf((NukeBuild)Activator.CreateInstance(build.GetType())!, build.RootDirectory);
        text.AppendLine();
        text.AppendLine("Parameters:");
        foreach (var group in parameters.GroupBy(p => p.IsBuiltIn).OrderBy(g => g.Key))
        {
            text.AppendLine();
            foreach (var parameter in group.OrderBy(p => p.CliName, StringComparer.Ordinal))
                AppendParameter(text, parameter, defaults(parameter));
        }
        return text.ToString();
    }

    private static void AppendParameter(StringBuilder text, ParameterInfo parameter, string? defaultValue)
    {
        var head = $"  {parameter.CliName} {ParameterHelp.TypeName(parameter)}".TrimEnd();
        var description = parameter.Attribute.Description ?? "";
        text.AppendLine(head.Length < Column ? head.PadRight(Column) + description : $"{head}\n{new string(' ', Column)}{description}");
        var details = new List<string>();
        if (defaultValue is not null) details.Add($"default: {defaultValue}");
        if (!parameter.IsBuiltIn && parameter.EnvName is { } env) details.Add($"env: {env}");
        if (details.Count > 0) text.AppendLine($"{new string(' ', Column)}[{string.Join("; ", details)}]");
    }

    /// <summary>Defaults are read from a fresh instance that sees no command line, environment or files.</summary>
    public static Func<ParameterInfo, string?> DefaultsOf(NukeBuild fresh, AbsolutePath root)
    {
        fresh.RootDirectory = root;
        fresh.Host ??= new TerminalHost(false);
        return parameter =>
        {
            object? value;
            try
            {
                value = parameter.Member switch
                {
                    FieldInfo field => field.GetValue(fresh),
                    PropertyInfo property => property.GetValue(fresh),
                    _ => null,
                };
            }
            catch (TargetInvocationException) { return null; }
            return value switch
            {
                null or false => null,
                string s when s.Length == 0 => null,
                Array { Length: 0 } => null,
                Array array => string.Join(" ", array.Cast<object>()),
                Enum e => e.ToString().ToLowerInvariant(),
                _ => value.ToString(),
            };
        };
    }
}

public static class ParameterHelp
{
    public static string TypeName(ParameterInfo parameter)
    {
        var type = ParameterService.Underlying(parameter.Type);
        var many = type.IsArray;
        if (many) type = type.GetElementType()!;
        if (type == typeof(bool)) return "";
        var name = parameter.AllowedValues is { } allowed ? string.Join("|", allowed)
            : type == typeof(AbsolutePath) ? "path"
            : type == typeof(int) ? "int"
            : "value";
        return many ? $"<{name}>..." : $"<{name}>";
    }
}
