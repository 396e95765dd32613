using System.Collections;
using System.ComponentModel;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;

namespace TvmBuild.Engine;

/// <summary>One parameter of the build: a <c>[Parameter]</c> field or property of the class or a component.</summary>
public sealed record ParameterInfo(MemberInfo Member, ParameterAttribute Attribute)
{
    public string MemberName => Member.Name;
    public Type Type => Member is FieldInfo f ? f.FieldType : ((PropertyInfo)Member).PropertyType;
    public string CliName => "--" + (Attribute.Name ?? ParameterService.Kebab(Member.Name));
    public string EnvName => Attribute.EnvironmentVariable ?? (Attribute.Name ?? ParameterService.Kebab(Member.Name)).Replace('-', '_').ToUpperInvariant();
    public bool IsBuiltIn => Member.DeclaringType == typeof(NukeBuild);
    public bool IsSwitch => ParameterService.Underlying(Type) == typeof(bool);

    public IReadOnlyList<string>? AllowedValues
    {
        get
        {
            var type = ParameterService.Underlying(Type);
            if (type.IsArray) type = type.GetElementType()!;
            if (type.IsEnum) return Enum.GetNames(type).Select(n => n.ToLowerInvariant()).ToList();
            if (Attribute.ValueProviderMember is { } provider)
                return ((IEnumerable<string>)Member.DeclaringType!.GetProperty(provider, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!.GetValue(null)!).ToList();
            return null;
        }
    }
}

/// <summary>Resolves parameter values: command line, then environment (TVM_HOME or NUKE_TVM_HOME), then
/// <c>.nuke/parameters.&lt;profile&gt;.json</c>, then <c>.nuke/parameters.json</c>. See nuke-model.md §4.</summary>
public sealed class ParameterService
{
    private readonly ParsedArguments _arguments;
    private readonly Dictionary<string, string?> _environment;
    private readonly List<(string File, Dictionary<string, JsonElement> Values)> _files;

    internal ParameterService(ParsedArguments arguments, IDictionary environment, IEnumerable<(string, Dictionary<string, JsonElement>)> files)
    {
        _arguments = arguments;
        _files = files.Reverse().ToList(); // later files (profiles) win
        _environment = [];
        foreach (DictionaryEntry entry in environment)
        {
            var key = Normalize((string)entry.Key);
            // Two variables that normalize alike (TVM_HOME, TvmHome) make the value ambiguous: unset.
            _environment[key] = _environment.ContainsKey(key) ? null : (string?)entry.Value;
        }
    }

    internal static ParameterService Empty { get; } = new(new ParsedArguments(), new Hashtable(), []);

    public IReadOnlyList<string> Remaining => _arguments.Remaining;

    public static string Normalize(string name) => new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();

    /// <summary><c>TvmHome</c> → <c>tvm-home</c>; splits only at lower→upper humps, so <c>CMakeOption</c> → <c>cmake-option</c>.</summary>
    public static string Kebab(string name)
    {
        var chars = new List<char>();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]))) chars.Add('-');
            chars.Add(char.ToLowerInvariant(name[i]));
        }
        return new string(chars.ToArray());
    }

    internal static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    public bool IsOnCommandLine(ParameterInfo parameter) => _arguments.Parameters.ContainsKey(Normalize(parameter.CliName));

    public object? GetValue(ParameterInfo parameter)
    {
        var key = Normalize(parameter.CliName);
        if (_arguments.Parameters.TryGetValue(key, out var cli))
            return Convert(parameter, cli.Values, "the command line");
        var envKey = Normalize(parameter.EnvName);
        var envValue = _environment.GetValueOrDefault(envKey) ?? _environment.GetValueOrDefault("nuke" + envKey);
        if (envValue is not null)
            return Convert(parameter, parameter.Type.IsArray ? envValue.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList() : [envValue],
                $"environment variable {parameter.EnvName}");
        foreach (var (file, values) in _files)
            if (values.TryGetValue(parameter.MemberName, out var json))
                return Convert(parameter, FromJson(json), $"'{parameter.MemberName}' in {file}");
        return null;
    }

    private static List<string> FromJson(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Array => json.EnumerateArray().Select(e => e.ToString()).ToList(),
        JsonValueKind.True => ["true"],
        JsonValueKind.False => ["false"],
        JsonValueKind.Null => [],
        _ => [json.ToString()],
    };

    private static object? Convert(ParameterInfo parameter, List<string> values, string source)
    {
        var type = Underlying(parameter.Type);
        if (type == typeof(bool) && values.Count == 0) return true;
        if (type == typeof(string) && values.Count == 0) return ""; // a bare --plan means its default form
        if (type.IsArray)
        {
            var element = type.GetElementType()!;
            var array = Array.CreateInstance(element, values.Count);
            for (var i = 0; i < values.Count; i++) array.SetValue(ConvertOne(parameter, element, values[i], source), i);
            return array;
        }
        if (values.Count != 1)
            throw new BuildFailure($"Parameter {parameter.CliName} takes one value, got {values.Count} from {source}.",
                values.Count == 0 ? $"Give it a value: {parameter.CliName} <value>." : "Quote a value that contains spaces; targets go before the parameters.");
        return ConvertOne(parameter, type, values[0], source);
    }

    private static object ConvertOne(ParameterInfo parameter, Type type, string value, string source)
    {
        if (type == typeof(string)) return value;
        if (type.IsEnum)
        {
            var match = Enum.GetNames(type).FirstOrDefault(n => Normalize(n) == Normalize(value));
            return match is not null ? Enum.Parse(type, match)
                : throw new BuildFailure($"Invalid value '{value}' for {parameter.CliName} (from {source}).",
                    $"Allowed values: {string.Join(", ", parameter.AllowedValues!)}.");
        }
        try
        {
            if (type == typeof(bool)) return bool.Parse(value);
            if (type == typeof(int)) return int.Parse(value);
            return TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value)!;
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or NotSupportedException)
        {
            throw new BuildFailure($"Invalid value '{value}' for {parameter.CliName} (from {source}): expected {ParameterHelp.TypeName(parameter)}.");
        }
    }

    internal static string MissingMessage(LambdaExpression expression)
    {
        var member = ExpressionText.MemberOf(expression);
        if (member?.GetCustomAttribute<ParameterAttribute>() is { } attribute)
        {
            var parameter = new ParameterInfo(member, attribute);
            return $"Missing parameter {parameter.CliName}. Set it with {parameter.CliName} <value> or the environment variable {parameter.EnvName}.";
        }
        return $"Missing value: {ExpressionText.Of(expression)}.";
    }

    internal void CheckUnknown(IReadOnlyCollection<ParameterInfo> known)
    {
        var names = known.Select(p => Normalize(p.CliName)).ToHashSet();
        foreach (var (key, (typed, _)) in _arguments.Parameters)
            if (!names.Contains(key))
                throw new BuildFailure($"Unknown parameter '--{typed}'.",
                    $"{ExecutionPlanner.DidYouMean("--" + typed, known.Select(p => p.CliName))}Run './build.sh --help' for the parameters.");
    }
}
