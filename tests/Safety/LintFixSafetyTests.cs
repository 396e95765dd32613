using System.Text;
using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Safety.LintSafetyTests;
using static TvmBuild.Tests.Support.InProcessBuild;

namespace TvmBuild.Tests.Safety;

/// <summary>Nothing lost: fixers keep every byte they do not fix, a staged fix never takes unstaged work; nothing
/// run by accident: the shims quote --python (in-process).</summary>
[Collection(nameof(InProcessCollection))]
public class LintFixSafetyTests
{
    private static readonly string[] NativeFixers =
        ["--linters", "trailing-whitespace,end-of-file-fixer,mixed-line-ending,requirements-txt-fixer"];

    /// <summary>Each char of the string is one byte (Latin-1), so tests can spell any bytes.</summary>
    internal static byte[] B(string bytes) => Encoding.Latin1.GetBytes(bytes);

    private static readonly byte[] Utf16 =
        [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("a  \r\nb\nc  ")];
    private const string Bom = "\u00EF\u00BB\u00BF";

    /// <summary>Before and after --fix, as pre-commit-hooks v5 rewrites them.</summary>
    private static readonly (string File, byte[] Before, byte[] After)[] Encodings =
    [
        ("latin1.txt", B("caf\u00E9  \nna\u00EFve\t\n\u00FCber"), B("caf\u00E9\nna\u00EFve\n\u00FCber\n")),
        ("bom.txt", B(Bom + "first  \r\nsecond\r\nthird\n"), B(Bom + "first\r\nsecond\r\nthird\r\n")),
        ("invalid.txt", B("ok \u00FF\u00FE\u00C3(  \n\u00E2\u0082 \n\n\n"),
            B("ok \u00FF\u00FE\u00C3(\n\u00E2\u0082\n")),
        ("utf8.txt", B("na\u00C3\u00AFve  \n"), B("na\u00C3\u00AFve\n")),
        ("requirements-latin1.txt", B("# caf\u00E9\r\nzlib\r\nabc\r\n"), B("abc\r\n# caf\u00E9\r\nzlib\r\n")),
        ("utf16.txt", Utf16, Utf16), // NUL bytes: binary, which no text hook touches
    ];

    private static string TreeWithEncodings()
    {
        var tree = GitTree.CommittedFixture();
        foreach (var (file, before, _) in Encodings) File.WriteAllBytes(Path.Combine(tree, file), before);
        return tree;
    }

    [Fact]
    public void Fix_keeps_every_byte_it_does_not_fix_in_any_encoding()
    {
        var tree = TreeWithEncodings();
        var result = Run(["Lint", "--tvm-home", tree, "--all", "--fix", .. NativeFixers]);
        result.ExitCode.ShouldBe(0, result.ToString());
        foreach (var (file, _, after) in Encodings)
            File.ReadAllBytes(Path.Combine(tree, file)).ShouldBe(after, file);
        result.Output.ShouldNotContain("utf16.txt");
    }

    [Fact]
    public void Checking_changes_no_byte_and_counts_columns_in_characters()
    {
        var tree = TreeWithEncodings();
        var result = Run(["Lint", "--tvm-home", tree, "--all", "--linters", "trailing-whitespace"]);
        result.ExitCode.ShouldBe(255);
        var found = result.Output.Split('\n').Where(l => l.Contains(": trailing-whitespace: "))
            .Select(l => l.Split(": ")[0]);
        found.ShouldBe(
        [
            "bom.txt:1:6",      // the BOM is no character
            "invalid.txt:1:8",  // each byte that is not UTF-8 counts as one
            "invalid.txt:2:3",
            "latin1.txt:1:5",
            "latin1.txt:2:6",
            "utf8.txt:1:6",     // ï is two bytes, one character
        ]);
        foreach (var (file, before, _) in Encodings)
            File.ReadAllBytes(Path.Combine(tree, file)).ShouldBe(before, file);
    }

    [Fact]
    public void The_lint_shims_quote_python_so_a_path_with_a_space_works_and_a_command_in_it_does_not_run()
    {
        var spaced = Path.Combine(TempDirectory(), "with space");
        Directory.CreateDirectory(spaced);
        var python = Path.Combine(spaced, "python3");
        File.CreateSymbolicLink(python, "/usr/bin/python3");
        var tree = Trees.CopyFixtureAsV090();

        var result = Run("Lint", "--tvm-home", tree, "--all", "--linters", "file-type", "--python", python);
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldMatch(@"file-type +\d+ +0 +[0-9.]+s .*ok");
        var shims = Directory.GetFiles(Path.Combine(RepoRoot, ".nuke", "temp", "lint-bin"), "python3",
            SearchOption.AllDirectories);
        shims.Select(File.ReadAllText).ShouldContain($"#!/bin/sh\nexec '{python}' \"$@\"\n");

        var marker = Path.Combine(TempDirectory(), "injected");
        var injected = Run("Lint", "--tvm-home", tree, "--all", "--linters", "file-type",
            "--python", $"touch {marker}; /usr/bin/python3");
        injected.ExitCode.ShouldNotBe(0, injected.ToString());
        File.Exists(marker).ShouldBeFalse(injected.ToString());
    }

    [Fact]
    public void Staged_fix_whose_changes_conflict_with_unstaged_work_drops_the_fixes_and_keeps_the_work()
    {
        var tree = GitTree.CommittedFixture();
        var notes = Path.Combine(tree, "notes.txt");
        File.WriteAllText(notes, "a  \nb\n");
        GitTree.Git(tree, "add", "notes.txt");
        File.WriteAllBytes(notes, B("a  \nb, changed: caf\u00E9\n"));

        var result = Run("Lint", "--tvm-home", tree, "--staged", "--fix", "--linters", "trailing-whitespace");
        result.Output.ShouldContain("conflict with the unstaged changes");
        File.ReadAllBytes(notes).ShouldBe(B("a  \nb, changed: caf\u00E9\n"));
        GitTree.Git(tree, "show", ":notes.txt").Output.ShouldBe("a  \nb\n");
        PatchesLeft(tree).ShouldBeEmpty();
    }
}
