using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;

namespace TvmBuild.Engine;

/// <summary>Resolves parameter values: command line, then environment (TVM's own name such as TVM_HOME, then
/// TVM_BUILD_&lt;NAME&gt;, then NUKE_&lt;NAME&gt;), then <c>.nuke/parameters.&lt;profile&gt;.json</c>, then
/// <c>.nuke/parameters.json</c>, as Nuke resolves them; generic names (VERBOSE, ALL) are never read.</summary>
public sealed class ParameterService
{
    private readonly ParsedArguments _arguments;
    private readonly Dictionary<string, Variable?> _environment = [];
    private readonly List<ParameterFile> _files;
    private readonly HashSet<string> _notes = [];

    internal ParameterService(ParsedArguments arguments, IDictionary environment, IEnumerable<ParameterFile> files)
    {
        _arguments = arguments;
        _files = files.Reverse().ToList(); // later files (profiles) win
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Value is not string { Length: > 0 } value) continue; // X= means unset, as in a shell
            var name = (string)entry.Key;
            var key = Normalize(name);
            // Two variables that normalize alike (TVM_BUILD_PRESET, TvmBuildPreset) are ambiguous: an error when read.
            _environment[key] = _environment.ContainsKey(key) ? null : new Variable(name, value);
        }
    }

    internal static ParameterService Empty { get; } = new(new ParsedArguments(), new Hashtable(), []);

    public IReadOnlyList<string> Remaining => _arguments.Remaining;

    /// <summary>What resolving values noticed (a repeated option, a list replacing a file's list), once each.</summary>
    internal IReadOnlyCollection<string> Notes { get { lock (_notes) return [.. _notes]; } }

    public static string Normalize(string name) =>
        new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();

    /// <summary><c>TvmHome</c> → <c>tvm-home</c>; splits only at lower→upper humps, so <c>CMakeOption</c> →
    /// <c>cmake-option</c>.</summary>
    public static string Kebab(string name)
    {
        var chars = new List<char>();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])))
                chars.Add('-');
            chars.Add(char.ToLowerInvariant(name[i]));
        }
        return new string(chars.ToArray());
    }

    internal static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    public bool IsOnCommandLine(ParameterInfo parameter) =>
        _arguments.Parameters.ContainsKey(Normalize(parameter.CliName));

    /// <summary>Where the value comes from and its words, or null when nothing sets it.</summary>
    internal (string Source, List<string> Values)? Raw(ParameterInfo parameter)
    {
        if (_arguments.Parameters.TryGetValue(Normalize(parameter.CliName), out var cli))
            return ("the command line", CommandLineValues(parameter, cli.Occurrences));
        if (parameter.Attribute.CommandLineOnly) return null;
        foreach (var name in parameter.EnvironmentNames)
        {
            var key = Normalize(name);
            if (!_environment.TryGetValue(key, out var variable)) continue;
            if (variable is not { } found)
                throw new BuildFailure(
                    $"Two environment variables spell {name} differently; {parameter.CliName} is ambiguous.",
                    $"Keep one of them ({name}).");
            var values = parameter.Type.IsArray
                ? found.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList() : [found.Value];
            return ($"environment variable {found.Name}", values);
        }
        foreach (var file in _files)
            if (file.Values.TryGetValue(parameter.MemberName, out var json))
                return ($"'{parameter.MemberName}' in {file.Path}:{json.Line}", FromJson(json.Value));
        return null;
    }

    public object? GetValue(ParameterInfo parameter) =>
        Raw(parameter) is { } raw ? ParameterConversion.Convert(parameter, raw.Values, raw.Source) : null;

    private List<string> CommandLineValues(ParameterInfo parameter, List<List<string>> occurrences)
    {
        if (parameter.Type.IsArray)
        {
            var file = _files.FirstOrDefault(f => f.Values.ContainsKey(parameter.MemberName));
            if (file is not null)
                Note($"{parameter.CliName} on the command line replaces the list in {file.Path}.");
            return occurrences.SelectMany(o => o).ToList();
        }
        if (occurrences.Select(o => string.Join(" ", o)).Distinct().Count() > 1)
            Note($"{parameter.CliName} is given {occurrences.Count} times; " +
                 $"the last one ({string.Join(" ", occurrences[^1])}) counts.");
        return occurrences[^1];
    }

    private void Note(string text) { lock (_notes) _notes.Add(text); }

    private static List<string> FromJson(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Array => json.EnumerateArray().Select(e => e.ToString()).ToList(),
        JsonValueKind.True => ["true"],
        JsonValueKind.False => ["false"],
        JsonValueKind.Null => [],
        _ => [json.ToString()],
    };

    internal static string MissingMessage(LambdaExpression expression)
    {
        var member = ExpressionText.MemberOf(expression);
        if (member?.GetCustomAttribute<ParameterAttribute>() is { } attribute)
        {
            var parameter = new ParameterInfo(member, attribute);
            var environment = parameter.EnvName is { } env ? $" or the environment variable {env}" : "";
            return $"Missing parameter {parameter.CliName}. Set it with {parameter.CliName} <value>{environment}.";
        }
        return $"Missing value: {ExpressionText.Of(expression)}.";
    }

    /// <summary>An option or a file key that names no parameter is an error, with the closest name.</summary>
    internal void CheckUnknown(IReadOnlyCollection<ParameterInfo> known)
    {
        var names = known.Select(p => Normalize(p.CliName)).ToHashSet();
        foreach (var (key, option) in _arguments.Parameters)
            if (!names.Contains(key) && option.Typed is var typed)
                throw new BuildFailure($"Unknown parameter '--{typed}'.",
                    $"{ExecutionPlanner.DidYouMean("--" + typed, known.Select(p => p.CliName))}" +
                    "Run './build.sh --help' for the parameters.");
        var members = known.Select(p => p.MemberName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var file in _files)
            foreach (var (key, value) in file.Values.Where(v => !members.Contains(v.Key)))
                throw new BuildFailure($"{file.Path}:{value.Line}: unknown parameter '{key}'.",
                    $"{ExecutionPlanner.DidYouMean(key, members)}" +
                    "Keys are parameter member names (see .nuke/build.schema.json).");
    }

    /// <summary>An environment variable as set (a class: see <see cref="ParsedArguments.Option"/>).</summary>
    private sealed record Variable(string Name, string Value);
}
