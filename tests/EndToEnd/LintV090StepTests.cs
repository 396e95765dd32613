using System.Text.RegularExpressions;
using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.EndToEnd.LintV090Tests;
using static TvmBuild.Tests.Support.InProcessBuild;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>The 2022 layout's lint steps as the tree's task_lint.sh lists them, a failing step, and docker mode
/// asking the image for the tools, in-process (<see cref="LintV090Tests"/> runs black and clang-format).</summary>
[Collection(nameof(InProcessCollection))]
public class LintV090StepTests
{
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
