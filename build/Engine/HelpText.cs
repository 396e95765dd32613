using System.Reflection;
using System.Text;

namespace TvmBuild.Engine;

/// <summary><c>--help</c>: targets with their direct dependencies and descriptions, then parameters grouped by the
/// targets that read them. <c>&lt;Target&gt; --help</c>: that target, what runs before it, and only
/// the parameters those targets read.</summary>
public static class HelpText
{
    private const int Column = 30;
    private const int Width = 120;

    public static string Render(NukeBuild build, IReadOnlyList<ExecutableTarget> targets)
    {
        var text = new StringBuilder();
        text.AppendLine("Usage: ./build.sh [Target ...] [--parameter value ...] [-- command ...]");
        text.AppendLine();
        text.AppendLine("Targets (with their direct dependencies; ./build.sh <Target> --help shows one):");
        text.AppendLine();
        var listed = targets.Where(t => t.Listed).ToList();
        foreach (var target in listed) AppendTarget(text, target);
        AppendParameters(text, build, targets, listed, whole: true);
        return text.ToString();
    }

    /// <summary>The help of the targets named on the command line: each one, the plan that runs them, and the
    /// parameters that plan reads.</summary>
    public static string Render(NukeBuild build, IReadOnlyList<ExecutableTarget> targets,
        IReadOnlyList<ExecutableTarget> invoked)
    {
        var text = new StringBuilder();
        var names = string.Join(" ", invoked.Select(t => t.Name));
        text.AppendLine($"Usage: ./build.sh {names} [--parameter value ...] [-- command ...]");
        text.AppendLine();
        foreach (var target in invoked) AppendTarget(text, target);
        var plan = ExecutionPlanner.Plan(targets, invoked).Where(t => t.Listed).ToList();
        if (plan.Count > invoked.Count)
        {
            text.AppendLine();
            var order = string.Join(", ", plan.Select(t => t.Name));
            text.AppendLine($"Runs, in order: {order} (--skip <Target> leaves one out)");
        }
        AppendParameters(text, build, targets, plan, whole: false);
        return text.ToString();
    }

    private static void AppendTarget(StringBuilder text, ExecutableTarget target)
    {
        var name = target.IsDefault ? $"{target.Name} (default)" : target.Name;
        var dependencies = target.ExecutionDependencies.Where(d => d.Listed).Select(d => d.Name).ToList();
        text.AppendLine(dependencies.Count == 0 ? $"  {name}"
            : $"  {name.PadRight(Column - 4)} -> {string.Join(", ", dependencies)}");
        if (target.Description is { } description)
            foreach (var line in Wrap(description, Width - 4)) text.AppendLine($"    {line}");
    }

    private static void AppendParameters(StringBuilder text, NukeBuild build, IReadOnlyList<ExecutableTarget> targets,
        IReadOnlyList<ExecutableTarget> scope, bool whole)
    {
        var parameters = build.AllParameters.Where(p => p.Attribute.List).ToList();
        var defaults = DefaultsOf(build.Fresh(), build.RootDirectory);
        text.AppendLine();
        text.AppendLine("Parameters, by the targets that read them:");
        foreach (var group in ParameterGroups.Of(parameters, targets, scope, whole))
        {
            text.AppendLine();
            text.AppendLine($"{group.Heading}:");
            foreach (var parameter in group.Parameters) AppendParameter(text, parameter, defaults(parameter));
        }
    }

    private static void AppendParameter(StringBuilder text, ParameterInfo parameter, string? defaultValue)
    {
        var head = $"  {parameter.CliName} {ParameterHelp.TypeName(parameter)}".TrimEnd();
        var indent = new string(' ', Column);
        var description = string.Join($"\n{indent}", Wrap(parameter.Attribute.Description ?? "", Width - Column));
        text.AppendLine(head.Length < Column ? head.PadRight(Column) + description : $"{head}\n{indent}{description}");
        var details = new List<string>();
        if (defaultValue is not null) details.Add($"default: {defaultValue}");
        if (!parameter.IsBuiltIn && parameter.EnvName is { } env) details.Add($"env: {env}");
        if (details.Count > 0) text.AppendLine($"{indent}[{string.Join("; ", details)}]");
    }

    /// <summary>Words in lines of at most <paramref name="width"/> characters (a longer word has a line of its
    /// own).</summary>
    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string> { "" };
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (lines[^1].Length > 0 && lines[^1].Length + 1 + word.Length > width) lines.Add("");
            lines[^1] = lines[^1].Length == 0 ? word : $"{lines[^1]} {word}";
        }
        return lines;
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
