using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.Safety;

/// <summary>Issue 13, the lint part: nothing lost (fixers keep bytes, the git hook keeps unstaged work), nothing run by
/// accident (the shims quote --python, --dry-run runs no linter).</summary>
public class LintSafetyTests
{
    private static readonly string[] NativeFixers =
        ["--linters", "trailing-whitespace,end-of-file-fixer,mixed-line-ending,requirements-txt-fixer"];

    /// <summary>Each char of the string is one byte (Latin-1), so tests can spell any bytes.</summary>
    private static byte[] B(string bytes) => Encoding.Latin1.GetBytes(bytes);

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
        result.Output.ShouldMatch(@"file-type +\d+ +0 +[0-9.]+s  ok");
        var shims = Directory.GetFiles(Path.Combine(RepoRoot, ".nuke", "temp", "lint-bin"), "python3",
            SearchOption.AllDirectories);
        shims.Select(File.ReadAllText).ShouldContain($"#!/bin/sh\nexec '{python}' \"$@\"\n");

        var marker = Path.Combine(TempDirectory(), "injected");
        var injected = Run("Lint", "--tvm-home", tree, "--all", "--linters", "file-type",
            "--python", $"touch {marker}; /usr/bin/python3");
        injected.ExitCode.ShouldNotBe(0, injected.ToString());
        File.Exists(marker).ShouldBeFalse(injected.ToString());
    }

    /// <summary>Every tool Lint could start, as a spy that records its calls: under --dry-run none may be
    /// called.</summary>
    private static (Dictionary<string, string?> Environment, string Folder, string Log) Spies()
    {
        var folder = TempDirectory("lint-spies-");
        var log = Path.Combine(folder, "calls.log");
        foreach (var tool in new[] { "python3", "yamllint", "clang-format-21", "node", "taplo", "ruff", "cython-lint" })
        {
            File.WriteAllText(Path.Combine(folder, tool), $"#!/bin/sh\necho \"$0 $*\" >> {log}\n");
            File.SetUnixFileMode(Path.Combine(folder, tool), (UnixFileMode)0b111_101_101);
        }
        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = folder + ":" + Environment.GetEnvironmentVariable("PATH"),
            ["PYTHON"] = Path.Combine(folder, "python3"),
        };
        return (environment, folder, log);
    }

    private static List<string> Bytes(string tree) => Directory.EnumerateFiles(tree, "*", SearchOption.AllDirectories)
        .Where(f => !f.Contains("/.git/")).Order(StringComparer.Ordinal)
        .Select(f => $"{f} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}").ToList();

    [Theory]
    [InlineData("Lint", "--all")]
    [InlineData("Lint", "--all", "--fix")]
    [InlineData("CiTask", "--name", "lint")]
    public void Dry_run_runs_no_linter_prints_each_and_changes_nothing(params string[] args)
    {
        var tree = GitTree.CommittedFixture();
        GitTree.AddBait(tree);
        var before = Bytes(tree);
        var (environment, spies, log) = Spies();

        var result = Run([.. args, "--tvm-home", tree, "--dry-run"], environment);
        result.ExitCode.ShouldBe(0, result.ToString());
        File.Exists(log).ShouldBeFalse(File.Exists(log) ? File.ReadAllText(log) : "");
        var lines = result.Output.Split('\n').Select(l => l.TrimEnd()).ToList();
        foreach (var native in new[] { "trailing-whitespace", "end-of-file-fixer", "mixed-line-ending", "check-yaml" })
            lines.ShouldContain(l => Regex.IsMatch(l, $@"^# would run {native} on \d+ files(, fixing them)?$"), native);
        lines.ShouldContain(l => Regex.IsMatch(l, @"^# would run requirements-txt-fixer on 1 file(, fixing them)?$"));
        var yamllint = $"cd {tree} && {spies}/yamllint -f parsable --config-file .yamllint.yaml ";
        lines.ShouldContain(l => l.StartsWith(yamllint) && l.Contains(" bad.yaml"));
        lines.ShouldContain(l => l.StartsWith($"cd {tree} && {spies}/python3 tests/lint/check_asf_header.py --"));
        lines.ShouldNotContain(l => l.Contains(": trailing-whitespace: "));
        Bytes(tree).ShouldBe(before);
    }
}
