using System.Text.RegularExpressions;
using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>The 2022 layout's lint (task_lint.sh's steps) on the fixture reshaped to v0.9.0: changed files only,
/// against --base, findings at the source line, --fix changing exactly the changed files; and in docker mode the image
/// is asked about its tools, with none of this machine's PATH.</summary>
public class LintV090Tests
{
    private static string V090Tree()
    {
        var tree = Trees.CopyFixtureAsV090();
        // The ci_lint image's pins, as v0.9.0's docker files write them (layouts.yaml names these files).
        Directory.CreateDirectory(Path.Combine(tree, "docker", "install"));
        File.WriteAllText(Path.Combine(tree, "docker", "Dockerfile.ci_lint"),
            "RUN pip3 install black==22.3.0 flake8==3.9.2\n");
        File.WriteAllText(Path.Combine(tree, "docker", "install", "ubuntu1804_install_clang_format.sh"),
            "apt-get update && apt-install-and-clear -y clang-format-10\n");
        File.WriteAllText(Path.Combine(tree, "python", "tvm", "planted.py"),
            "\"\"\"Black-clean before the test plants a line.\"\"\"\n");
        GitTree.Git(tree, "init", "--quiet", "--initial-branch=main");
        GitTree.Git(tree, "add", "-A");
        GitTree.Git(tree, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "-m", "fixture");
        return tree;
    }

    private static List<string> Findings(ScriptResult result) => result.Output.Split('\n').Select(l => l.TrimEnd())
        .Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^[^\s:]+:\d+:\d+: [a-z0-9-]+: ")).ToList();

    [RequiresToolFact("black", "apt-get install black")]
    public void Changed_files_get_black_and_git_clang_format_against_the_base_with_findings_at_their_lines()
    {
        var tree = V090Tree();
        var untouched = Path.Combine(tree, "src", "runtime", "fixture_runtime.cc");
        File.AppendAllText(untouched, "int  untouched_but_unformatted( ) {return 0;}\n");   // changed, then committed:
        GitTree.Git(tree, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "-am", "base"); // not ours
        var py = Path.Combine(tree, "python", "tvm", "planted.py");
        var cc = Path.Combine(tree, "src", "fixture.cc");
        var (pyBefore, ccBefore) = (File.ReadAllText(py), File.ReadAllText(cc));
        File.AppendAllText(py, "\n\nPLANTED = [1,2]\n");
        File.AppendAllText(cc, "int  planted( ) {return 0;}\n");
        var pyLine = pyBefore.Split('\n').Length + 2;
        var ccLine = ccBefore.Split('\n').Length;

        var check = Run("Lint", "--tvm-home", tree, "--base", "HEAD", "--linters", "black,clang-format");
        check.ExitCode.ShouldBe(255, check.ToString());
        check.Output.ShouldContain("Linting files changed since HEAD: 2 files, 2 linters");
        Findings(check).ShouldBe([$"python/tvm/planted.py:{pyLine}:1: black: black would reformat this",
            $"src/fixture.cc:{ccLine}:1: clang-format: code should be clang-formatted"]);
        check.Output.ShouldMatch(@"clang-format +1 +1 +[0-9.]+s +wasm 19\.1\.3 \(pin 10\) +problems");
        check.Output.ShouldMatch(@"black +1 +1 +[0-9.]+s +\S+ \(pin 22\.3\.0\) +problems");

        var fix = Run("Lint", "--tvm-home", tree, "--base", "HEAD", "--linters", "black,clang-format", "--fix");
        fix.ExitCode.ShouldBe(0, fix.ToString());
        fix.Output.ShouldContain("Fixed python/tvm/planted.py (black)");
        fix.Output.ShouldContain("Fixed src/fixture.cc (clang-format)");
        fix.Output.ShouldContain("Lint: 0 problems, 2 files fixed");
        File.ReadAllText(py).ShouldBe(pyBefore + "\n\nPLANTED = [1, 2]\n");
        File.ReadAllText(cc).ShouldBe(ccBefore + "int planted() { return 0; }\n");
        GitTree.Git(tree, "status", "--porcelain").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ShouldBe([" M python/tvm/planted.py", " M src/fixture.cc"]);
    }

    [Fact]
    public void A_step_whose_script_fails_without_file_line_is_a_failure_never_ok()
    {
        var tree = V090Tree();
        // cmake-options reads its script from the tree: one that fails with a message and no file:line.
        Directory.CreateDirectory(Path.Combine(tree, "tests", "lint"));
        File.WriteAllText(Path.Combine(tree, "tests", "lint", "check_cmake_options.py"),
            "import sys\nprint('options differ')\nsys.exit(1)\n");
        var result = Run("Lint", "--tvm-home", tree, "--all", "--linters", "cmake-options");
        result.ExitCode.ShouldBe(255, result.ToString());
        result.Output.ShouldContain("cmake-options: exited with code 1: options differ");
        result.Output.ShouldContain("Lint found 1 problems.");
    }

    [Fact]
    public void In_docker_mode_the_image_is_asked_for_the_tools_and_gets_no_host_path()
    {
        var tree = V090Tree();
        var docker = new FakeDocker();
        var result = Run(["Lint", "--tvm-home", tree, "--all", "--linters", "asf-header", "--docker",
            "tlcpack/ci-lint:fixture"],
            docker.Environment());
        result.ExitCode.ShouldBe(0, result.ToString());
        // the host has no /bin/apache-rat.jar; the image does
        result.Output.ShouldMatch(@"asf-header +\d+ +0 +[0-9.]+s .*ok");
        var runs = docker.Runs.Select(r => r.SkipWhile(a => a != "tlcpack/ci-lint:fixture").Skip(1).ToList()).ToList();
        runs.ShouldContain(r => r.SequenceEqual(new[] { "bash", "--login", "/docker/with_the_same_user", "test", "-e",
            "/bin/apache-rat.jar" }));
        runs.ShouldContain(r => r.TakeLast(3).SequenceEqual(new[] { "bash", "tests/lint/check_asf_header.sh",
            "--local" }));
        docker.Runs.SelectMany(r => r).ShouldNotContain(a => a.StartsWith("PATH="));
    }

    [Fact]
    public void The_steps_are_those_of_the_trees_own_task_lint_sh_in_its_order_a_script_we_do_not_know_included()
    {
        var tree = V090Tree();
        Directory.CreateDirectory(Path.Combine(tree, "tests", "lint"));
        File.WriteAllText(Path.Combine(tree, "tests", "scripts", "task_lint.sh"), """
            #!/usr/bin/env bash
            set -euxo pipefail
            echo "check whitespace..."
            tests/lint/whitespace.sh
            tests/lint/check_asf_header.sh --local
            python3 tests/lint/check_file_type.py
            """);
        File.WriteAllText(Path.Combine(tree, "tests", "lint", "whitespace.sh"),
            "#!/bin/bash\necho 'src/fixture.cc:3: trailing whitespace'\nexit 1\n");
        var listed = Run("Lint", "--tvm-home", tree, "--all", "--dry-run");
        listed.ExitCode.ShouldBe(0, listed.ToString());
        Regex.Matches(listed.Output, @"\[INF\]   ([a-z-]+) +\d+ .*dry run").Select(m => m.Groups[1].Value)
            .ShouldBe(["whitespace", "asf-header", "file-type"]);

        var run = Run("Lint", "--tvm-home", tree, "--all", "--linters", "whitespace");
        run.ExitCode.ShouldBe(255, run.ToString());
        run.Output.ShouldContain("src/fixture.cc:3");
        run.Output.ShouldContain("Lint found 1 problems.");
    }
}
