namespace TvmBuild.Engine;

/// <summary>How help and the reference show a parameter's value: <c>&lt;path&gt;</c>, <c>&lt;a|b&gt;...</c>.</summary>
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
