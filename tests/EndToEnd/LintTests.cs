using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>Lint with the real linters on the fixture, through ./build.sh: a clean tree, then known bad files
/// (tests/fixtures/lint-bait); <see cref="LintSelectionTests"/> runs in-process.</summary>
public class LintTests
{
    private static readonly string[] BaitFindings =
    [
        "bad.toml:2:7: check-toml: Unexpected token end-of-line found while expecting a value",
        "bad.toml:2:7: taplo-format: invalid TOML",
        "bad.yaml:3:1: check-yaml: While parsing a flow sequence, did not find expected ',' or ']'.",
        "bad.yaml:3:1: yamllint: [error] syntax error: expected ',' or ']', but got '<stream end>' (syntax)",
        "bad_format.cc:2:4: clang-format: error: code should be clang-formatted [-Wclang-format-violations]",
        "bad_ruff.py:2:8: ruff-check: F401 `os` imported but unused",
        "blob.bin:1:1: check-file-type: file type not allowed",
        "lint.yaml:2:6: yamllint: [error] too many spaces after colon (colons)",
        "mixed.txt:1:1: mixed-line-ending: mixed line endings (1 CRLF, 2 LF, 0 CR)",
        "no_eol.txt:2:1: end-of-file-fixer: no newline at end of file",
        "noheader.py:1:1: check-asf-header: missing license header",
        "requirements.txt:1:1: requirements-txt-fixer: requirements are not sorted",
        "trailing.txt:2:27: trailing-whitespace: trailing whitespace",
        "unformatted.py:1:1: ruff-format: would reformat",
        "unformatted.toml:1:1: taplo-format: the file is not properly formatted",
    ];

    private static List<string> Findings(ScriptResult result) =>
        result.Output.Split('\n').Select(l => l.TrimEnd())
            .Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^[^\s:]+:\d+:\d+: [a-z0-9-]+: ")).ToList();

    [LintToolsFact]
    public void A_clean_tree_lints_clean_with_every_linter()
    {
        var result = Run("Lint", "--tvm-home", GitTree.CommittedFixture(), "--all");
        result.ExitCode.ShouldBe(0, result.ToString());
        foreach (var linter in new[] { "trailing-whitespace", "check-asf-header", "yamllint", "taplo-format",
            "ruff-check", "ruff-format", "clang-format" })
            result.Output.ShouldMatch($@"{linter} +\d+ +0 +[0-9.]+s .*ok");
    }

    [LintToolsFact]
    public void The_fixture_runs_the_pinned_ruff_and_the_nearest_clang_format_and_names_the_difference()
    {
        var result = Run("Lint", "--tvm-home", GitTree.CommittedFixture(), "--all", "--linters",
            "ruff-check,clang-format");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldMatch(@"ruff-check +\d+ +0 +[0-9.]+s +wasm 0\.12\.3 +ok");
        result.Output.ShouldMatch(@"clang-format +\d+ +0 +[0-9.]+s +wasm 20\.1\.7 \(pin 20\.1\.8\) +ok");
        result.Output.ShouldContain("Not the pinned version: clang-format wasm 20.1.7 (pin 20.1.8)");
        result.Output.ShouldContain("not the pinned version: clang-format wasm 20.1.7 (pin 20.1.8)");
        foreach (var folder in new[] { "@astral-sh+ruff-wasm-nodejs@0.12.3", "@wasm-fmt+clang-format@20.1.7" })
            Directory.Exists(Path.Combine(CacheHome, "tvm-build", "npm", folder)).ShouldBeTrue(folder);
        File.ReadAllText(Path.Combine(CacheHome, "tvm-build", "npm", "@wasm-fmt+clang-format@20.1.8.nearest")).Trim()
            .ShouldBe("20.1.7");
    }

    [LintToolsFact]
    public void Known_bad_files_give_exactly_the_known_findings()
    {
        var tree = GitTree.CommittedFixture();
        GitTree.AddBait(tree);
        var result = Run("Lint", "--tvm-home", tree, "--all");
        result.ExitCode.ShouldBe(255);
        Findings(result).ShouldBe(BaitFindings);
        result.Output.ShouldContain("Lint found 15 problems.");
    }

    [LintToolsFact]
    public void Fix_repairs_what_the_formatters_and_fixers_can_and_says_so()
    {
        var tree = GitTree.CommittedFixture();
        GitTree.AddBait(tree);
        var fixedRun = Run("Lint", "--tvm-home", tree, "--all", "--fix");
        foreach (var (file, linter) in new[]
                 {
                     ("trailing.txt", "trailing-whitespace"), ("no_eol.txt", "end-of-file-fixer"),
                     ("mixed.txt", "mixed-line-ending"), ("requirements.txt", "requirements-txt-fixer"),
                     ("unformatted.toml", "taplo-format"), ("bad_ruff.py", "ruff-check"),
                     ("unformatted.py", "ruff-format"), ("bad_format.cc", "clang-format"),
                     ("noheader.py", "check-asf-header"),
                 })
            fixedRun.Output.ShouldContain($"Fixed {file} ({linter})");
        File.ReadAllText(Path.Combine(tree, "unformatted.py")).ShouldContain("x = [1, 2]");
        File.ReadAllText(Path.Combine(tree, "requirements.txt")).ShouldBe("abc\nzlib\n");
        Findings(Run("Lint", "--tvm-home", tree, "--all"))
            .ShouldBe(BaitFindings.Where(f =>
            f.StartsWith("bad.toml") || f.StartsWith("bad.yaml") || f.StartsWith("blob.bin")
            || f.StartsWith("lint.yaml")));
    }

    [LintToolsFact]
    public void Changed_lints_only_what_changed_since_the_base()
    {
        var tree = GitTree.CommittedFixture();
        GitTree.AddBait(tree, "trailing.txt");
        File.WriteAllText(Path.Combine(tree, "python", "tvm", "extra.py"),
            "# SPDX-License-Identifier: Apache-2.0\nimport os\n");
        var readme = Path.Combine(tree, "README.md");
        File.AppendAllText(readme, "A new line with trailing blanks  \n");
        var result = Run("Lint", "--tvm-home", tree, "--changed", "--base", "HEAD");
        result.Output.ShouldContain("Linting files changed since HEAD: 3 files");
        Findings(result).ShouldBe([
            $"README.md:{File.ReadAllLines(readme).Length}:32: trailing-whitespace: trailing whitespace",
            "python/tvm/extra.py:2:8: ruff-check: F401 `os` imported but unused",
            "trailing.txt:2:27: trailing-whitespace: trailing whitespace"]);
    }

    [LintToolsFact]
    public void Linters_chooses_and_unknown_names_are_listed()
    {
        var tree = GitTree.CommittedFixture();
        GitTree.AddBait(tree);
        var chosen = Run("Lint", "--tvm-home", tree, "--all", "--linters", "trailing-whitespace,clang-format");
        Findings(chosen)
            .ShouldBe(BaitFindings.Where(f => f.Contains(": trailing-whitespace:") || f.Contains(": clang-format:")));
        chosen.Output.ShouldNotContain("yamllint ");

        var unknown = Run("Lint", "--tvm-home", tree, "--linters", "clang-fromat");
        unknown.ExitCode.ShouldBe(255);
        unknown.Output.ShouldContain("Unknown linter 'clang-fromat' for the main layout.");
        unknown.Output.ShouldContain("Did you mean 'clang-format'?");
    }

    [LintToolsFact]
    public void A_failure_without_file_line_is_a_finding_of_its_hook_and_the_others_still_run()
    {
        var tree = GitTree.CommittedFixture();
        var config = Path.Combine(tree, ".pre-commit-config.yaml");
        File.WriteAllText(config, File.ReadAllText(config).Replace(".yamllint.yaml", "no-such-config.yaml"));
        GitTree.AddBait(tree, "trailing.txt");
        var result = Run("Lint", "--tvm-home", tree, "--all", "--linters", "yamllint", "trailing-whitespace");
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldMatch(@"(?m)^yamllint: exited with code \d+: .*no-such-config.yaml");
        result.Output.ShouldMatch(@"yamllint +\d+ +1 +[0-9.]+s .*problems");
        result.Output.ShouldContain("trailing.txt:2:27: trailing-whitespace: trailing whitespace");
        result.Output.ShouldContain("Lint found 2 problems.");
        result.Output.ShouldNotContain("crashed");
    }

    [Fact]
    public void InstallHooks_makes_each_commit_run_lint_on_its_changes()
    {
        var tree = GitTree.CommittedFixture();
        Run("InstallHooks", "--tvm-home", tree).ExitCode.ShouldBe(0);
        var hook = Path.Combine(tree, ".git", "hooks", "pre-commit");
        File.ReadAllText(hook).ShouldContain($"Lint --tvm-home {tree} --staged");
        File.WriteAllText(Path.Combine(tree, "notes.txt"), "trailing   \n");
        GitTree.Git(tree, "add", "notes.txt");
        var commit = GitTree.Git(tree, "-c", "user.name=t", "-c", "user.email=t@t", "-c", "core.hooksPath=.git/hooks",
            "commit", "-m", "bad");
        commit.Code.ShouldNotBe(0);
        commit.Output.ShouldContain("notes.txt:1:9: trailing-whitespace: trailing whitespace");
    }
}
