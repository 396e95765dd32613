namespace TvmBuild.Engine;

/// <summary>Nuke's command line: target names before the first option (or <c>A+B</c>), then <c>--name value...</c>
/// where values run to the next option; everything after a bare <c>--</c> is passed through. A negative number
/// (<c>-1</c>) is a value, not an option, and so is a single-dash word right after an option that takes a value
/// (<c>--test-filter -Suite.*</c>, a negative gtest filter).</summary>
internal sealed class ParsedArguments
{
    public List<string> Targets { get; } = [];

    /// <summary>Normalized name → the name as typed and the values of each occurrence, in order.</summary>
    public Dictionary<string, Option> Parameters { get; } = [];

    /// <summary>An option as typed and the values of each time it is given. A class, not a tuple: generic
    /// collections of value types are compiled at start-up, which a warm start pays for.</summary>
    public sealed record Option(string Typed, List<List<string>> Occurrences);

    public List<string> Remaining { get; } = [];

    public static ParsedArguments Parse(IReadOnlyList<string> args, IReadOnlySet<string>? valueTaking = null)
    {
        var parsed = new ParsedArguments();
        var i = 0;
        for (; i < args.Count && !IsOption(args[i]); i++)
            parsed.Targets.AddRange(args[i].Split('+', StringSplitOptions.RemoveEmptyEntries));

        while (i < args.Count)
        {
            var token = args[i++];
            if (token == "--")
            {
                parsed.Remaining.AddRange(args.Skip(i));
                break;
            }
            if (!IsOption(token) || token == "-")
                throw new BuildFailure($"Unexpected argument '{token}'.",
                    "Targets come first, then --parameters; pass a command after a bare '--'.");
            var name = token.TrimStart('-');
            var values = new List<string>();
            var equals = name.IndexOf('=');
            if (equals > 0)
            {
                values.Add(name[(equals + 1)..]);
                name = name[..equals];
            }
            var key = ParameterService.Normalize(name);
            if (values.Count == 0 && valueTaking?.Contains(key) == true && i < args.Count
                && args[i].StartsWith('-') && !args[i].StartsWith("--"))
                values.Add(args[i++]);
            for (; i < args.Count && !IsOption(args[i]); i++) values.Add(args[i]);
            if (!parsed.Parameters.TryGetValue(key, out var entry))
                parsed.Parameters[key] = entry = new Option(name, []);
            entry.Occurrences.Add(values);
        }
        return parsed;
    }

    private static bool IsOption(string token) =>
        token.StartsWith('-') && !(token.Length > 1 && char.IsAsciiDigit(token[1]));
}
