using System.Text.Json;
using System.Text.RegularExpressions;

namespace TvmBuild.Tests.Coverage;

/// <summary>The IGNORED_WARNINGS of a TVM tree's tests/scripts/task_python_docs.sh, as bash reads the array (one entry
/// per word after bash's quoting: <c>'a 'b</c> is one entry, <c>$'\''</c> a quote); tests/data/tvm-docs-warnings.json
/// keeps them per layout (main, v0.9.0).</summary>
public sealed partial record TvmDocsWarnings(string Source, List<string> IgnoredWarnings)
{
    public const string Script = "tests/scripts/task_python_docs.sh";

    public static string DataFile =>
        Path.Combine(Support.BuildScript.RepoRoot, "tests", "data", "tvm-docs-warnings.json");

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Dictionary<string, TvmDocsWarnings> Recorded() => File.Exists(DataFile)
        ? JsonSerializer.Deserialize<Dictionary<string, TvmDocsWarnings>>(File.ReadAllText(DataFile), Options) ?? []
        : [];

    public static void Record(string layout, TvmDocsWarnings warnings)
    {
        var all = Recorded();
        all[layout] = warnings;
        var ordered = all.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary();
        File.WriteAllText(DataFile, JsonSerializer.Serialize(ordered, Options) + "\n");
    }

    /// <summary>Bash runs the array's assignment alone (as record.py runs TVM's scripts) and prints each entry, so the
    /// entries are what the script's own bash makes of its quoting.</summary>
    public static TvmDocsWarnings Read(string tvm)
    {
        var script = Path.Combine(tvm, Script);
        var assignment = Assignment().Match(File.ReadAllText(script));
        if (!assignment.Success) throw new InvalidDataException($"{script} has no IGNORED_WARNINGS=( ... ) array");
        var (code, output) = Support.Processes.Run("bash",
            ["--noprofile", "--norc", "-c", assignment.Value + "\nprintf '%s\\0' \"${IGNORED_WARNINGS[@]}\""]);
        if (code != 0) throw new InvalidDataException($"bash could not read {script}'s IGNORED_WARNINGS: {output}");
        var commit = Support.Processes.Run("git", ["-C", tvm, "rev-parse", "--short=10", "HEAD"]);
        var source = commit.Code == 0 ? $"apache/tvm {commit.Output.Trim()}: {Script}" : $"apache/tvm: {Script}";
        return new TvmDocsWarnings(source, output.Split('\0')[..^1].ToList());
    }

    [GeneratedRegex(@"(?ms)^IGNORED_WARNINGS=\(.*?^\)")]
    private static partial Regex Assignment();
}
