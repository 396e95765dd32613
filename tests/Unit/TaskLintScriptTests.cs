using Shouldly;
using TvmBuild.Lint;
using Xunit;

namespace TvmBuild.Tests.Unit;

/// <summary>A tree's task_lint.sh is read for its steps, in order. The script here is made up in TVM's style (the real
/// ones at each release: LintV090Tests and the issue note).</summary>
public class TaskLintScriptTests
{
    [Fact]
    public void Its_steps_are_the_scripts_it_runs_in_order_with_their_arguments_and_without_what_is_not_lint()
    {
        var steps = TaskLintScript.Read("""
            #!/usr/bin/env bash
            set -euxo pipefail
            function shard1 {
              echo "Convert scripts to Python..."
              tests/scripts/task_convert_scripts_to_python.sh
              # python3 tests/lint/commented_out.py
              python3 ci/jenkins/generate.py --check
              python3 tests/lint/check_file_type.py
              tests/lint/whitespace.sh
            }
            function shard2 {
              tests/lint/check_asf_header.sh --local
              ./tests/lint/git-clang-format.sh
            }
            if [[ -n ${TVM_SHARD_INDEX+x} ]]; then
              shard1
            else
              shard1
              shard2
            fi
            """);
        steps.Select(s => (s.Path, s.Id, string.Join(" ", s.Arguments))).ShouldBe([
            ("tests/lint/check_file_type.py", "file-type", ""),
            ("tests/lint/whitespace.sh", "whitespace", ""),
            ("tests/lint/check_asf_header.sh", "asf-header", "--local"),
            ("tests/lint/git-clang-format.sh", "clang-format", ""),
        ]);
    }

    [Fact]
    public void A_script_we_do_not_know_is_named_after_its_file()
    {
        TaskLintScript.Read("python3 tests/lint/check_request_hook.py\n").Single().Id.ShouldBe("check-request-hook");
    }
}
