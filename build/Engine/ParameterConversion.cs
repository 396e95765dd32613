namespace TvmBuild.Engine;

/// <summary>Turns the words given for a parameter into its type. Every refusal names the parameter, where the value
/// came from and what was expected, type name included; a missing or empty value is refused as docker/bash.sh
/// does.</summary>
internal static class ParameterConversion
{
    public static object? Convert(ParameterInfo parameter, List<string> values, string source)
    {
        var type = ParameterService.Underlying(parameter.Type);
        if (type == typeof(bool) && values.Count == 0) return true;
        if (values.Count == 0)
        {
            if (parameter.Attribute.ValueOptional)
                return type.IsArray ? Array.CreateInstanceFromArrayType(type, 0) : "";
            throw new BuildFailure($"{parameter.CliName} needs a value (from {source}).",
                $"Give it one: {parameter.CliName} <{Placeholder(parameter)}>.");
        }
        if (type.IsArray)
        {
            var element = type.GetElementType()!;
            var array = Array.CreateInstanceFromArrayType(type, values.Count);
            for (var i = 0; i < values.Count; i++) array.SetValue(ConvertOne(parameter, element, values[i], source), i);
            return array;
        }
        if (values.Count != 1)
            throw new BuildFailure($"Parameter {parameter.CliName} takes one value, got {values.Count} from {source}.",
                "Quote a value that contains spaces; targets go before the parameters.");
        return ConvertOne(parameter, type, values[0], source);
    }

    private static object ConvertOne(ParameterInfo parameter, Type type, string value, string source)
    {
        BuildFailure Invalid(string? hint = null) =>
            new($"Invalid value '{value}' for {parameter.CliName} (from {source}): " +
                $"expected {parameter.Expected}.", hint);

        if (value.Length == 0) throw Invalid("An empty value is not a value; leave the option out for its default.");
        if (type == typeof(string)) return value;
        if (type.IsEnum)
        {
            var match = Enum.GetNames(type)
                .FirstOrDefault(n => ParameterService.Normalize(n) == ParameterService.Normalize(value));
            return match is not null
                ? Enum.Parse(type, match)
                : throw Invalid($"Allowed values: {string.Join(", ", parameter.AllowedValues!)}.");
        }
        if (type == typeof(bool))
            return bool.TryParse(value, out var flag) ? flag : throw Invalid();
        if (type == typeof(int))
        {
            if (!int.TryParse(value, out var number)) throw Invalid();
            var (min, max) = (parameter.Attribute.Minimum, parameter.Attribute.Maximum);
            return number >= min && number <= max ? number : throw Invalid();
        }
        if (type != typeof(AbsolutePath))
            throw new InvalidOperationException($"{parameter.MemberName}: parameters of type {type.Name} are not " +
                                                "supported (string, bool, int, an enum, AbsolutePath or an array)");
        try
        {
            return AbsolutePath.FromUser(value);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or IOException)
        {
            throw Invalid();
        }
    }

    private static string Placeholder(ParameterInfo parameter) =>
        ParameterHelp.TypeName(parameter).Trim('<', '>', '.') is { Length: > 0 } name ? name : "value";
}
