using System.Reflection;

namespace TvmBuild.Engine;

/// <summary>One parameter of the build: a <c>[Parameter]</c> field or property of the class or a component.</summary>
public sealed record ParameterInfo(MemberInfo Member, ParameterAttribute Attribute)
{
    public const string EnvironmentPrefix = "TVM_BUILD_";

    public string MemberName => Member.Name;
    public Type Type => Member is FieldInfo f ? f.FieldType : ((PropertyInfo)Member).PropertyType;
    public string CliName => "--" + (Attribute.Name ?? ParameterService.Kebab(Member.Name));
    public bool IsBuiltIn => Member.DeclaringType == typeof(NukeBuild);
    public bool IsSwitch => ParameterService.Underlying(Type) == typeof(bool);

    /// <summary>The environment variables it reads, in order: TVM's own name if it has one, then
    /// <c>TVM_BUILD_&lt;NAME&gt;</c>, then Nuke's <c>NUKE_&lt;NAME&gt;</c>. None when read from the command line
    /// only.</summary>
    public IReadOnlyList<string> EnvironmentNames
    {
        get
        {
            if (Attribute.CommandLineOnly) return [];
            var name = CliName[2..].Replace('-', '_').ToUpperInvariant();
            return [.. Attribute.EnvironmentVariable is { } own ? [own] : Array.Empty<string>(),
                EnvironmentPrefix + name, "NUKE_" + name];
        }
    }

    /// <summary>The variable help and messages name.</summary>
    public string? EnvName => EnvironmentNames.FirstOrDefault();

    public IReadOnlyList<string>? AllowedValues
    {
        get
        {
            var type = ParameterService.Underlying(Type);
            if (type.IsArray) type = type.GetElementType()!;
            return type.IsEnum ? Enum.GetNames(type).Select(n => n.ToLowerInvariant()).ToList() : null;
        }
    }

    /// <summary>What a value must look like, for error messages: "a whole number (int)".</summary>
    public string Expected
    {
        get
        {
            var type = ParameterService.Underlying(Type);
            if (type.IsArray) type = type.GetElementType()!;
            if (AllowedValues is { } allowed) return $"one of {string.Join(", ", allowed)} ({type.Name})";
            if (type == typeof(bool)) return "true or false (bool)";
            if (type == typeof(int))
            {
                var (min, max) = (Attribute.Minimum, Attribute.Maximum);
                var range = (min, max) switch
                {
                    (int.MinValue, int.MaxValue) => "",
                    (_, int.MaxValue) => $" >= {min}",
                    (int.MinValue, _) => $" <= {max}",
                    _ => $" from {min} to {max}",
                };
                return $"a whole number{range} (int)";
            }
            if (type == typeof(AbsolutePath)) return "a path (AbsolutePath)";
            return $"a non-empty text ({type.Name})";
        }
    }
}
