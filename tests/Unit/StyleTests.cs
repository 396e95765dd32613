using System.Text.RegularExpressions;
using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;

namespace TvmBuild.Tests.Unit;

/// <summary>The build's style rules that the compiler's code-style analysis (EnforceCodeStyleInBuild: IDE0055's
/// formatting, file-scoped namespaces) does not check: lines within 120 columns, the usings in dotnet format's order,
/// and one main type per file, declared first and named after it (a partial type may span NAME.Part.cs files); its
/// small helper types may follow it, as in Nuke's ParameterAttribute.cs.</summary>
public partial class StyleTests
{
    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(Path.Combine(BuildScript.RepoRoot, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Order();

    [Theory]
    [InlineData("build")]
    [InlineData("tests")]
    public void No_line_is_over_120_columns(string folder)
    {
        var longLines = SourceFiles(folder)
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(l => l.line.Length > 120)
            .Select(l => $"{Path.GetRelativePath(BuildScript.RepoRoot, l.file)}:{l.number} ({l.line.Length})")
            .ToList();
        longLines.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("build")]
    [InlineData("tests")]
    public void Usings_are_in_dotnet_formats_order(string folder)
    {
        var unsorted = SourceFiles(folder).Where(file => !file.Contains("fixtures")).Where(file =>
        {
            var usings = File.ReadLines(file).Where(l => UsingLine().IsMatch(l)).ToList();
            return !usings.SequenceEqual(UsingOrder.Sorted(usings));
        }).Select(file => Path.GetRelativePath(BuildScript.RepoRoot, file)).ToList();
        unsorted.ShouldBeEmpty("usings: System first, then by name; then static ones; then aliases");
    }

    [Fact]
    public void The_using_rule_sees_an_unsorted_file()
    {
        string[] usings = ["using Xunit;", "using System.Text;", "using A = B.C;", "using static D;"];
        UsingOrder.Sorted(usings)
            .ShouldBe(["using System.Text;", "using Xunit;", "using static D;", "using A = B.C;"]);
    }

    /// <summary>dotnet format's order of usings (dotnet_sort_system_directives_first).</summary>
    private static class UsingOrder
    {
        public static IEnumerable<string> Sorted(IEnumerable<string> lines) => lines.Select(Of)
            .OrderBy(u => u.Kind).ThenBy(u => u.System).ThenBy(u => u.Name, StringComparer.OrdinalIgnoreCase)
            .Select(u => u.Line);

        private static (string Line, int Kind, int System, string Name) Of(string line)
        {
            var body = line.Trim()[6..^1];
            var kind = body.StartsWith("static ") ? 1 : body.Contains('=') ? 2 : 0;
            var name = body.StartsWith("static ") ? body[7..] : body;
            return (line, kind, name == "System" || name.StartsWith("System.") ? 0 : 1, name);
        }
    }

    [GeneratedRegex(@"^using [A-Za-z][^(]*;\s*$")]
    private static partial Regex UsingLine();

    [Fact]
    public void Each_file_of_the_build_declares_first_the_type_it_is_named_after()
    {
        var wrong = new List<string>();
        foreach (var file in SourceFiles("build"))
        {
            var types = File.ReadLines(file).Select(line => TopLevelType().Match(line))
                .Where(match => match.Success).Select(match => match.Groups["name"].Value).ToList();
            var name = Path.GetFileNameWithoutExtension(file).Split('.')[0];
            if (types.Count == 0 || types[0] != name)
                wrong.Add($"{Path.GetRelativePath(BuildScript.RepoRoot, file)}: {string.Join(", ", types)}");
        }
        wrong.ShouldBeEmpty();
    }

    [Fact]
    public void The_type_rule_sees_a_second_type()
    {
        var source = "public sealed record A(int X);\n\npublic enum B { One }\n    private sealed class Nested;\n";
        source.Split('\n').Count(line => TopLevelType().IsMatch(line)).ShouldBe(2);
    }

    /// <summary>A declaration at the start of a line (file-scoped namespaces and global components leave top-level
    /// types unindented; nested ones are indented).</summary>
    [GeneratedRegex(@"^(?:(?:public|internal|file|sealed|static|abstract|partial|readonly)\s+)*"
        + @"(?:class|record struct|record|interface|enum|struct|delegate\s+\S+)\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex TopLevelType();
}
