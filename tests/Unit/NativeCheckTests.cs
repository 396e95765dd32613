using System.Text;
using Shouldly;
using TvmBuild.Lint;
using Xunit;

namespace TvmBuild.Tests.Unit;

/// <summary>pre-commit-hooks' checks in C#, on bytes: what each finds, and what --fix leaves (every other byte
/// kept).</summary>
public class NativeCheckTests
{
    private static LintFile File(byte[] bytes, string name = "f.txt")
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("tvm-build-unit-").FullName, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return new LintFile(name, path, new HashSet<string> { "text" }, IsNew: false);
    }

    private static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text);

    [Fact]
    public void Trailing_whitespace_is_found_at_its_column_and_fixed_keeping_latin1_bytes()
    {
        var file = File(Bytes("caf\u00e9 \t\nok\r\n  \r\n"));
        NativeChecks.TrailingWhitespace([file], fix: false).Problems.Select(p => (p.Line, p.Column))
            .ShouldBe([(1, 5), (3, 1)]);
        NativeChecks.TrailingWhitespace([file], fix: true).Fixed.ShouldBe(["f.txt"]);
        System.IO.File.ReadAllBytes(file.FullPath).ShouldBe(Bytes("caf\u00e9\nok\r\n\r\n"));
    }

    [Fact]
    public void End_of_file_gets_exactly_one_newline()
    {
        var missing = File(Bytes("\u00ff a"));
        var extra = File(Bytes("a\n\n\n"));
        NativeChecks.EndOfFile([missing, extra], fix: false).Problems.Select(p => p.Message)
            .ShouldBe(["no newline at end of file", "extra blank lines at end of file"]);
        NativeChecks.EndOfFile([missing, extra], fix: true);
        System.IO.File.ReadAllBytes(missing.FullPath).ShouldBe(Bytes("\u00ff a\n"));
        System.IO.File.ReadAllBytes(extra.FullPath).ShouldBe(Bytes("a\n"));
    }

    [Fact]
    public void Mixed_line_endings_become_the_most_common_one()
    {
        var file = File(Bytes("a\r\nb\r\nc\n"));
        NativeChecks.MixedLineEnding([file], fix: false, []).Problems.Single().Message
            .ShouldBe("mixed line endings (2 CRLF, 1 LF, 0 CR)");
        NativeChecks.MixedLineEnding([file], fix: true, []);
        System.IO.File.ReadAllBytes(file.FullPath).ShouldBe(Bytes("a\r\nb\r\nc\r\n"));
    }

    [Fact]
    public void Yaml_and_toml_errors_name_their_line()
    {
        NativeChecks.Yaml([File(Bytes("a: [1,\n"), "x.yaml")]).Problems.Single().Line.ShouldBe(2);
        NativeChecks.Toml([File(Bytes("[t]\nx = \n"), "x.toml")]).Problems.Single().Line.ShouldBe(2);
    }

    [Fact]
    public void Requirements_are_sorted_by_name_with_their_comments()
    {
        var file = File(Bytes("zlib\n# needed by abc\nabc==1\n"), "requirements.txt");
        NativeChecks.RequirementsSorted([file], fix: true).Fixed.ShouldBe(["requirements.txt"]);
        System.IO.File.ReadAllBytes(file.FullPath).ShouldBe(Bytes("# needed by abc\nabc==1\nzlib\n"));
    }
}
