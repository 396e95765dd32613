using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.InProcessBuild;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>Which files and linters Lint takes, and what it says when one cannot run (a bad base, a tree outside git, a
/// missing or crashing tool, a hook without files), and its annotations, in-process.</summary>
[Collection(nameof(InProcessCollection))]
public class LintSelectionTests
{
    [Fact]
    public void A_pinned_tool_is_installed_only_for_a_linter_that_runs()
    {
        var cache = TempDirectory("lint-cache-");
        var result = Run(["Lint", "--tvm-home", GitTree.CommittedFixture(), "--all", "--linters",
            "trailing-whitespace"],
            new() { ["XDG_CACHE_HOME"] = cache });
        result.ExitCode.ShouldBe(0, result.ToString());
        Directory.Exists(Path.Combine(cache, "tvm-build")).ShouldBeFalse(result.ToString());
    }

    [Fact]
    public void A_base_that_is_not_a_commit_is_a_clear_error()
    {
        var tree = GitTree.CommittedFixture();
        var result = Run("Lint", "--tvm-home", tree, "--changed", "--base", "no-such-branch");
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain($"--base no-such-branch is not a commit of {tree}.");
    }

    [Fact]
    public void Outside_git_changed_falls_back_to_all_and_says_so()
    {
        var result = Run("Lint", "--tvm-home", Trees.CopyFixture(), "--changed", "--linters", "trailing-whitespace");
        result.Output.ShouldContain("is not a git tree: linting all files instead of the changed ones");
        result.ExitCode.ShouldBe(0, result.ToString());
    }

    [Fact]
    public void A_missing_tool_is_skipped_with_a_hint_and_fails_under_strict()
    {
        var tree = GitTree.CommittedFixture();
        File.WriteAllText(Path.Combine(tree, "python", "tvm", "fast.pyx"),
            "# SPDX-License-Identifier: Apache-2.0\ndef f():\n    return 1\n");
        var lenient = Run("Lint", "--tvm-home", tree, "--all", "--linters", "cython-lint", "--strict", "false");
        lenient.ExitCode.ShouldBe(0, lenient.ToString());
        lenient.Output
            .ShouldContain("skipped: cython-lint missing: cython-lint is not packaged for Debian or npm: run Lint " +
                "with --docker ci_lint");
        var strict = Run("Lint", "--tvm-home", tree, "--all", "--linters", "cython-lint", "--strict");
        strict.ExitCode.ShouldBe(255);
        strict.Output.ShouldContain("Linters without their tool: cython-lint (--strict).");
    }

    [Fact]
    public void On_a_tree_without_a_lint_image_a_skipped_linter_says_what_works_there()
    {
        var tree = GitTree.CommittedFixture();
        var images = Path.Combine(tree, "ci", "jenkins", "docker-images.ini"); // as on TVM main: no ci_lint
        File.WriteAllLines(images, File.ReadAllLines(images).Where(l => !l.StartsWith("ci_lint")));
        File.WriteAllText(Path.Combine(tree, "python", "tvm", "fast.pyx"),
            "# SPDX-License-Identifier: Apache-2.0\ndef f():\n    return 1\n");
        var result = Run("Lint", "--tvm-home", tree, "--all", "--linters", "cython-lint", "--strict");
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain("skipped: cython-lint missing: cython-lint is not packaged for Debian or npm: " +
            "pip install cython-lint==0.16.7, or pre-commit run cython-lint --all-files");
        result.Output.ShouldNotContain("ci_lint");
        result.Output.ShouldContain("Hint: Install what the table says.");
    }

    [Fact]
    public void Only_a_tool_that_did_not_run_is_crashed()
    {
        var tree = GitTree.CommittedFixture();
        var folder = TempDirectory("lint-killed-");
        File.WriteAllText(Path.Combine(folder, "yamllint"), "#!/bin/sh\nkill -9 $$\n"); // dies of a signal
        File.SetUnixFileMode(Path.Combine(folder, "yamllint"), (UnixFileMode)0b111_101_101);
        var result = Run(["Lint", "--tvm-home", tree, "--all", "--linters", "yamllint"],
            new() { ["PATH"] = folder + ":" + Environment.GetEnvironmentVariable("PATH") });
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldMatch(@"yamllint +\d+ +0 +[0-9.]+s .*crashed: yamllint exited with code 137");
        result.Output.ShouldContain("Linters crashed: yamllint");
    }

    [Fact]
    public void A_hook_without_files_is_skipped_even_without_pass_filenames_unless_always_run()
    {
        var tree = GitTree.CommittedFixture();
        var config = Path.Combine(tree, ".pre-commit-config.yaml");
        // check-file-type (pass_filenames: false) now reads only .pyx files, which the tree has none of; the
        // asf-header check is always_run with a files pattern nothing matches.
        File.WriteAllText(config, File.ReadAllText(config)
            .Replace("entry: python tests/lint/check_file_type.py\n",
                "entry: python tests/lint/check_file_type.py\n        files: \\.pyx$\n")
            .Replace("entry: python tests/lint/check_asf_header.py --check\n",
                "entry: python tests/lint/check_asf_header.py --check\n        files: \\.nothing$\n" +
                "        always_run: true\n"));
        var result = Run("Lint", "--tvm-home", tree, "--all", "--linters", "check-file-type,check-asf-header");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldMatch(@"check-file-type +0 +0 +[0-9.]+s .*no files");
        result.Output.ShouldMatch(@"check-asf-header +0 +0 +[0-9.]+s .*ok");
    }

    [Fact]
    public void Github_actions_gets_annotations()
    {
        var tree = GitTree.CommittedFixture();
        GitTree.AddBait(tree, "trailing.txt");
        var result = Run(["Lint", "--tvm-home", tree, "--all", "--linters", "trailing-whitespace"],
            new() { ["GITHUB_ACTIONS"] = "true" });
        result.Output
            .ShouldContain("::error file=trailing.txt,line=2,col=27::trailing-whitespace: trailing whitespace");
    }
}
