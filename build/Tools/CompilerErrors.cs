using System.Text.RegularExpressions;
using TvmBuild.Engine;

namespace TvmBuild.Tools;

/// <summary>The first error of a failed build's output, for the summary: a gcc/clang diagnostic
/// (<c>file:line:col: error: ...</c>, also <c>fatal error</c>), else a linker's undefined reference, else CMake's own
/// error. A file inside the TVM tree is named relative to it.</summary>
public static partial class CompilerErrors
{
    public static string? First(string output, AbsolutePath? root)
    {
        var lines = Ansi().Replace(output, "").Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        foreach (var line in lines)
            if (Diagnostic().Match(line) is { Success: true } m)
                return $"{Relative(m.Groups["file"].Value, root)}:{m.Groups["place"].Value}: " +
                    $"{m.Groups["kind"].Value}: {m.Groups["message"].Value.Trim()}";
        var link = lines.FirstOrDefault(l => l.Contains("undefined reference to") || l.Contains("undefined symbol:"));
        if (link is not null) return link.Trim();
        var cmake = lines.FindIndex(l => l.StartsWith("CMake Error"));
        if (cmake < 0) return null;
        var detail = lines.Skip(cmake + 1).FirstOrDefault(l => l.Trim().Length > 0)?.Trim();
        return detail is null ? lines[cmake].Trim() : $"{lines[cmake].Trim().TrimEnd(':')}: {detail}";
    }

    private static string Relative(string file, AbsolutePath? root) =>
        root is not null && Path.IsPathRooted(file) && root.Contains(AbsolutePath.Create(file))
            ? Path.GetRelativePath(root, file) : file;

    [GeneratedRegex(@"^(?<file>[^\s:][^:]*):(?<place>\d+(?::\d+)?): (?<kind>(?:fatal )?error): (?<message>.*)$")]
    private static partial Regex Diagnostic();

    [GeneratedRegex(@"\x1b\[[0-9;]*[A-Za-z]")]
    private static partial Regex Ansi();
}
