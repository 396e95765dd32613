using System.Text.RegularExpressions;
using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;

namespace TvmBuild.Tests.Unit;

/// <summary>The build's style rules that `dotnet format` does not check: lines within 120 columns, and one top-level
/// type per file, named after it (a partial type may span NAME.Part.cs files).</summary>
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

    [Fact]
    public void Each_file_of_the_build_declares_one_top_level_type_named_after_it()
    {
        var wrong = new List<string>();
        foreach (var file in SourceFiles("build"))
        {
            var types = File.ReadLines(file).Select(line => TopLevelType().Match(line))
                .Where(match => match.Success).Select(match => match.Groups["name"].Value).ToList();
            var name = Path.GetFileNameWithoutExtension(file).Split('.')[0];
            if (types.Count != 1 || types[0] != name)
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
