using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Safety.LintFixSafetyTests;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.Safety;

/// <summary>Nothing lost (the git hook keeps unstaged work), nothing run by accident (--dry-run runs no linter),
/// through ./build.sh: the hook starts it, CiTask runs its steps as builds of their own, Ctrl-C is a signal. What
/// fixers keep and the shims quote: <see cref="LintFixSafetyTests"/>.</summary>
public class LintSafetyTests
{
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

    internal static IEnumerable<string> PatchesLeft(string tree) =>
        Path.Combine(tree, ".git", "tvm-build") is var folder
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
