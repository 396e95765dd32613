using System.Text.RegularExpressions;

namespace TvmBuild.Lint;

/// <summary>One problem a linter found, printed as <c>path:line:col: linter: message</c>.</summary>
public sealed record LintProblem(string Path, int Line, int Column, string Linter, string Message)
{
    /// <summary>A finding the tool printed without a file:line (pre-commit shows the hook's output): attributed to the
    /// linter.</summary>
    public static LintProblem OfLinter(string linter, string message) => new("", 0, 0, linter, message);

    public override string ToString() =>
        Path == "" ? $"{Linter}: {Message}" : $"{Path}:{Line}:{Column}: {Linter}: {Message}";
}

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

/// <summary>A file of the tree, relative to its root, with pre-commit's type tags (text/binary, python, c++,
/// yaml...).</summary>
public sealed record LintFile(string Path, string FullPath, IReadOnlySet<string> Tags, bool IsNew);

/// <summary>How a linter runs: in C# (no tools at all), or as a command on the selected files (or on the whole
/// tree).</summary>
public abstract record LintAction;

/// <summary>What a linter found, and with --fix which files it changed.</summary>
public sealed record LintOutcome(List<LintProblem> Problems, List<string> Fixed)
{
    public static LintOutcome Empty => new([], []);
}

/// <summary>Runs in-process: returns the problems; with fix, repairs what it can instead and names the files.</summary>
public sealed record NativeAction(Func<IReadOnlyList<LintFile>, bool, LintOutcome> Run) : LintAction;

/// <summary>An external tool. <paramref name="Check"/>/<paramref name="Fix"/> are argument lists; <c>{files}</c>
/// expands to the files (omitted when <paramref name="PassFilenames"/> is false). <paramref name="Output"/> parses its
/// findings.</summary>
public sealed record ToolAction(
    string Tool,
    IReadOnlyList<string> Check,
    IReadOnlyList<string>? Fix,
    string InstallHint,
    OutputParser Output,
    bool PassFilenames = true,
    IReadOnlyDictionary<string, string>? Environment = null,
    bool? Available = null,
    IReadOnlyList<string>? Needs = null,
    IReadOnlyList<string>? VersionArgs = null,
    string? Pinned = null,
    bool KeepOnlyItsFiles = false) : LintAction;
// Needs: what else the tool needs, each "module:NAME" (importable by the lint Python), "command:NAME" or "file:PATH"
// (in the tree); a missing one skips the linter with its install hint instead of letting it crash. VersionArgs ask the
// tool its version (shown in the table, with the tree's Pinned one when they differ). KeepOnlyItsFiles: a whole-tree
// script run for changed files reports only the findings in them.

/// <summary>A linter: its id (the pre-commit hook id where there is one), what it reads, how it runs. A linter with no
/// file of its own is skipped unless <paramref name="AlwaysRun"/> (pre-commit's always_run).
/// <paramref name="Version"/>: the version it runs, as the table shows it (e.g. "20.1.7 (pin 20.1.8)"), when known
/// before it runs.</summary>
public sealed record Linter(string Id, FileFilter Filter, LintAction Action, bool AlwaysRun = false,
    string? Version = null);

/// <summary>Turns a tool's output into problems; lines it does not recognise are kept for when the tool
/// fails.</summary>
public sealed partial record OutputParser(Regex Pattern, string? Message = null, bool IsDiff = false)
{
    /// <summary>A unified diff (black --diff, git-clang-format --diff): one finding per hunk, at the first line it
    /// changes in the source file.</summary>
    public static OutputParser Diff(string message) => new(DiffHeaderPattern(), message, IsDiff: true);

    /// <summary>taplo: <c>ERROR taplo:format_files: the file is not properly formatted path="/abs/f.toml"</c>, and for
    /// a file it cannot parse <c>error: invalid TOML</c> followed by <c>┌─ /abs/f.toml:2:7</c>.</summary>
    public static OutputParser Taplo { get; } = new(TaploPattern());

    /// <summary><c>path:line[:col]: message</c>, which most linters print.</summary>
    public static OutputParser PathLine { get; } = new(PathLinePattern());

    /// <summary>ruff itself: <c>Would reformat: path</c>.</summary>
    public static OutputParser RuffFormat { get; } = new(RuffFormatPattern(), "would reformat");

    /// <summary><c>path: message</c> (formatters that report whole files).</summary>
    public static OutputParser PathOnly { get; } = new(PathOnlyPattern());

    public List<LintProblem> Parse(string output, string linter, Func<string, string> relative) => IsDiff
        ? DiffFindings.Findings(output, linter, Message!, relative)
        : output.Split('\n').Where(l => !NotCheckedPattern().IsMatch(l)).Select(l => Pattern.Match(l.TrimEnd()))
            .Where(m => m.Success)
            .Select(m => new LintProblem(relative(m.Groups["path"].Value),
                m.Groups["line"].Success ? int.Parse(m.Groups["line"].Value) : 1,
                m.Groups["col"].Success ? int.Parse(m.Groups["col"].Value) : 1,
                linter, Message ?? (m.Groups["message"].Value.Trim() is { Length: > 0 } text ? text : "invalid TOML")))
            .ToList();

    [GeneratedRegex(@"^(?<path>[^:\s][^:]*):(?<line>\d+)(?::(?<col>\d+))?:?\s*(?<message>.+)$")]
    private static partial Regex PathLinePattern();

    [GeneratedRegex(@"^(?<path>[^:\s][^:]*\.[A-Za-z0-9]+): (?<message>.+)$")]
    private static partial Regex PathOnlyPattern();

    [GeneratedRegex(@"(?<message>the file is not properly formatted) path=""(?<path>[^""]+)""" +
                    @"|┌─ (?<path>[^:]+):(?<line>\d+):(?<col>\d+)(?<message>)")]
    private static partial Regex TaploPattern();

    /// <summary>Files a tool was given but could not check as the real one would (dev/lint/ruff.cjs: a .pyi stub),
    /// each <c>PATH: not checked: REASON</c>: named in the summary, never findings, never silently passed.</summary>
    public static List<(string Path, string Reason)> NotChecked(string output) =>
        output.Split('\n').Select(l => NotCheckedPattern().Match(l.TrimEnd())).Where(m => m.Success)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();

    [GeneratedRegex(@"^(\S.*?): not checked: (.+)$")]
    private static partial Regex NotCheckedPattern();

    [GeneratedRegex(@"^\+\+\+ ")]
    private static partial Regex DiffHeaderPattern();

    [GeneratedRegex(@"^Would reformat: (?<path>.+)$")]
    private static partial Regex RuffFormatPattern();
}
