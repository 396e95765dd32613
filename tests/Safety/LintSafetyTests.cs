using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.Safety;

/// <summary>Nothing lost (fixers keep bytes, the git hook keeps unstaged work), nothing run by
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
            ["TVM_BUILD_PYTHON"] = Path.Combine(folder, "python3"),
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

    private static (int Code, string Output) Commit(string tree, string message) =>
        GitTree.Git(tree, "-c", "user.name=t", "-c", "user.email=t@t", "-c", "core.hooksPath=.git/hooks",
            "commit", "-m", message);

    private static string TreeWithHook()
    {
        var tree = GitTree.CommittedFixture();
        var install = Run("InstallHooks", "--tvm-home", tree);
        install.ExitCode.ShouldBe(0, install.ToString());
        return tree;
    }

    private static IEnumerable<string> PatchesLeft(string tree) => Path.Combine(tree, ".git", "tvm-build") is var folder
        && Directory.Exists(folder) ? Directory.GetFiles(folder) : [];

    [Fact]
    public void The_hook_blocks_a_bad_staged_line_and_keeps_the_unstaged_fix_byte_for_byte()
    {
        var tree = TreeWithHook();
        var readme = Path.Combine(tree, "README.md");
        var committed = File.ReadAllBytes(readme);
        File.AppendAllText(readme, "a staged line with trailing blanks   \n");
        File.WriteAllText(Path.Combine(tree, "notes.txt"), "staged, then deleted  \n");
        GitTree.Git(tree, "add", "README.md", "notes.txt");
        // The unstaged fix: Latin-1 and CRLF bytes that a text round trip would change.
        var unstaged = committed.Concat(B("a staged line, fixed: caf\u00E9\r\n")).ToArray();
        File.WriteAllBytes(readme, unstaged);
        File.Delete(Path.Combine(tree, "notes.txt"));

        var commit = Commit(tree, "bad");
        commit.Code.ShouldNotBe(0, commit.Output);
        var line = Encoding.UTF8.GetString(committed).Split('\n').Length;
        commit.Output.ShouldContain($"README.md:{line}:35: trailing-whitespace: trailing whitespace");
        commit.Output.ShouldContain("notes.txt:1:21: trailing-whitespace: trailing whitespace");
        commit.Output.ShouldContain($"Saving the unstaged changes of 2 staged files to {tree}/.git/tvm-build/");
        File.ReadAllBytes(readme).ShouldBe(unstaged);
        File.Exists(Path.Combine(tree, "notes.txt")).ShouldBeFalse();
        GitTree.Git(tree, "diff", "--cached", "--name-only").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ShouldBe(["README.md", "notes.txt"]);
        GitTree.Git(tree, "log", "--format=%s").Output.Trim().ShouldBe("fixture");
        PatchesLeft(tree).ShouldBeEmpty();
    }

    [Fact]
    public void The_hook_passes_a_clean_index_beside_an_untracked_bad_file_and_an_unstaged_bad_change()
    {
        var tree = TreeWithHook();
        GitTree.AddBait(tree, "trailing.txt");
        var bait = File.ReadAllBytes(Path.Combine(tree, "trailing.txt"));
        var readme = Path.Combine(tree, "README.md");
        File.AppendAllText(readme, "A clean staged line.\n");
        GitTree.Git(tree, "add", "README.md");
        File.AppendAllText(readme, "an unstaged line with trailing blanks   \n");
        var unstaged = File.ReadAllBytes(readme);

        var commit = Commit(tree, "clean");
        commit.Code.ShouldBe(0, commit.Output);
        GitTree.Git(tree, "show", "HEAD:README.md").Output.ShouldEndWith("A clean staged line.\n");
        File.ReadAllBytes(readme).ShouldBe(unstaged);
        File.ReadAllBytes(Path.Combine(tree, "trailing.txt")).ShouldBe(bait);
        PatchesLeft(tree).ShouldBeEmpty();
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

    [Fact]
    public void Ctrl_c_during_a_staged_lint_restores_the_unstaged_changes()
    {
        var tree = GitTree.CommittedFixture();
        var readme = Path.Combine(tree, "README.md");
        File.AppendAllText(readme, "staged\n");
        GitTree.Git(tree, "add", "README.md");
        File.AppendAllText(readme, "unstaged\n");
        var unstaged = File.ReadAllBytes(readme);
        // A lint Python that hangs, so that Ctrl-C comes while the staged content is checked out.
        var started = Path.Combine(TempDirectory(), "started");
        var python = Path.Combine(TempDirectory(), "python3");
        File.WriteAllText(python, $"#!/bin/sh\ntouch {started}\nexec sleep 60\n");
        File.SetUnixFileMode(python, (UnixFileMode)0b111_101_101);

        string[] args = ["Lint", "--tvm-home", tree, "--staged", "--linters", "check-asf-header", "--python", python];
        var result = Run(args, whileRunning: process =>
        {
            Wait.Until(() => File.Exists(started), "the marker of the lint's python (touched as it starts)", process);
            File.ReadAllBytes(readme).ShouldNotBe(unstaged); // the staged content is what is being linted
            Process.Start("kill", ["-INT", process.Id.ToString()])!.WaitForExit();
        });
        result.ExitCode.ShouldBe(130, result.ToString());
        File.ReadAllBytes(readme).ShouldBe(unstaged);
        PatchesLeft(tree).ShouldBeEmpty();
    }
}
