using System.Text.RegularExpressions;

namespace TvmBuild.Lint;

/// <summary>What files a linter looks at: pre-commit's <c>files</c>/<c>exclude</c> regexes (the config's top-level
/// ones, then the hook's: a file must pass both, as pre-commit filters), and identify's type tags.</summary>
public sealed record FileFilter(string? Files = null, string? Exclude = null, IReadOnlyList<string>? Types = null,
    IReadOnlyList<string>? TypesOr = null, IReadOnlyList<string>? ExcludeTypes = null, string? TopFiles = null,
    string? TopExclude = null)
{
    public static FileFilter Text { get; } = new(Types: ["text"]);

    public bool Matches(LintFile file) =>
        (TopFiles is null || Regex.IsMatch(file.Path, TopFiles)) &&
        (TopExclude is null || !Regex.IsMatch(file.Path, TopExclude)) &&
        (Files is null || Regex.IsMatch(file.Path, Files)) &&
        (Exclude is null || !Regex.IsMatch(file.Path, Exclude)) &&
        (Types is null || Types.All(file.Tags.Contains)) &&
        (TypesOr is null || TypesOr.Any(file.Tags.Contains)) &&
        (ExcludeTypes is null || !ExcludeTypes.Any(file.Tags.Contains));
}
