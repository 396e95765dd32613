namespace TvmBuild.Engine;

/// <summary>Nuke's command line: target names before the first <c>-</c> token (or <c>A+B</c>), then
/// <c>--name value...</c> where values run to the next <c>-</c> token; everything after a bare <c>--</c> is passed through.</summary>
internal sealed class ParsedArguments
{
    public List<string> Targets { get; } = [];
    /// <summary>Normalized name → (name as typed, values). The last occurrence wins.</summary>
    public Dictionary<string, (string Typed, List<string> Values)> Parameters { get; } = [];
    public List<string> Remaining { get; } = [];

    public static ParsedArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new ParsedArguments();
        var i = 0;
        for (; i < args.Count && !args[i].StartsWith('-'); i++)
            parsed.Targets.AddRange(args[i].Split('+', StringSplitOptions.RemoveEmptyEntries));

        while (i < args.Count)
        {
            var token = args[i++];
            if (token == "--")
            {
                parsed.Remaining.AddRange(args.Skip(i));
                break;
            }
            if (!token.StartsWith('-') || token == "-")
                throw new BuildFailure($"Unexpected argument '{token}'.", "Targets come first, then --parameters; pass a command after a bare '--'.");
            var name = token.TrimStart('-');
            var values = new List<string>();
            var equals = name.IndexOf('=');
            if (equals > 0)
            {
                values.Add(name[(equals + 1)..]);
                name = name[..equals];
            }
            for (; i < args.Count && !args[i].StartsWith('-'); i++) values.Add(args[i]);
            parsed.Parameters[ParameterService.Normalize(name)] = (name, values);
        }
        return parsed;
    }
}
