using System.Text.RegularExpressions;

namespace TvmBuild.Engine;

/// <summary>An external command as data: an executable and an argument list, never one shell string.</summary>
public sealed partial record Command(
    string Executable,
    IReadOnlyList<string> Arguments,
    string? WorkingDirectory = null,
    IReadOnlyDictionary<string, string?>? Environment = null)
{
    public Command(string executable, params string[] arguments)
        : this(executable, (IReadOnlyList<string>)arguments) { }

    /// <summary>What to tell the user when this command fails, unless the caller says better.</summary>
    public string? FailureHint { get; init; }

    public Command WithEnvironment(IReadOnlyDictionary<string, string?> variables) => this with
    {
        Environment = (Environment ?? new Dictionary<string, string?>()).Concat(variables)
            .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value),
    };

    /// <summary>The command as a user pastes it into bash: <c>cd dir &amp;&amp; env K=V tool 'a b'</c>.</summary>
    public string ToShellString(string? currentDirectory = null)
    {
        var parts = new List<string>();
        if (WorkingDirectory is not null && WorkingDirectory != (currentDirectory ?? Directory.GetCurrentDirectory()))
            parts.Add($"cd {Quote(WorkingDirectory)} &&");
        if (Environment is { Count: > 0 })
            parts.Add("env " + string.Join(" ", Environment.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => p.Value is null ? $"-u {p.Key}" : Quote($"{p.Key}={p.Value}"))));
        parts.Add(Quote(Executable));
        parts.AddRange(Arguments.Select(Quote));
        return string.Join(" ", parts);
    }

    /// <summary>The argument line without the directory and environment, for summaries.</summary>
    public string CommandLine => string.Join(" ", Arguments.Select(Quote).Prepend(Quote(Executable)));

    public static string Quote(string argument) =>
        argument.Length > 0 && SafeShellWord().IsMatch(argument)
            ? argument
            : "'" + argument.Replace("'", "'\"'\"'") + "'";

    [GeneratedRegex(@"^[A-Za-z0-9_@%+=:,./-]+$")]
    private static partial Regex SafeShellWord();
}
