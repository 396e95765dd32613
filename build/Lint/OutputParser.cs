using System.Text.RegularExpressions;

namespace TvmBuild.Lint;

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
