using Shouldly;
using Xunit;
using static TvmBuild.Tests.Engine.EngineHarness;

namespace TvmBuild.Tests.Engine;

[Collection(nameof(EngineCollection))]
public class FailureTests
{
    [Fact]
    public void A_failure_stops_the_run_and_later_targets_are_not_run()
    {
        var result = Run<FailureBuild>("C");
        result.ExitCode.ShouldBe(-1);
        result.Ran.ShouldBe(["A", "B"]);
        result.Output.ShouldContain("Target B failed: B broke");
        result.Output.ShouldContain("Hint: Fix it.");
        result.Output.ShouldMatch(@"B\s+Failed\s+< 1s   // B broke");
        result.Output.ShouldMatch(@"C\s+NotRun");
        result.Output.ShouldContain("Build failed on ");
    }

    [Fact]
    public void A_long_failure_is_whole_in_the_log_and_shortened_in_the_table()
    {
        var result = Run<FailureBuild>("Long");
        result.Output.ShouldContain("Target Long failed: 'docker run --env X=y" + string.Concat(
            Enumerable.Repeat(" --env X=y", 39)) + "' exited.");
        result.Output.ShouldMatch(@"Long\s+Failed\s+< 1s   // 'docker run (--env X=y ){8}--env X…\n");
    }

    [Fact]
    public void Proceed_after_failure_lets_the_rest_run_but_the_build_still_fails()
    {
        var result = Run<FailureBuild>("AfterProceed", "--fail-at", "Proceed");
        result.ExitCode.ShouldBe(-1);
        result.Ran.ShouldBe(["Proceed", "AfterProceed"]);
    }

    [Fact]
    public void Assured_after_failure_runs_after_an_earlier_failure()
    {
        var result = Run<FailureBuild>("C", "Cleanup");
        result.Ran.ShouldBe(["A", "B", "Cleanup"]);
        result.Output.ShouldMatch(@"Cleanup\s+Succeeded");
    }

    [Fact]
    public void A_bug_names_the_target_and_exception_without_a_stack_trace()
    {
        var result = Run<FailureBuild>("Bug");
        result.ExitCode.ShouldBe(-1);
        result.Output
            .ShouldContain("Target Bug failed: IndexOutOfRangeException: Index was outside the bounds of the array.");
        result.Output.ShouldContain("Run with --verbosity verbose for the stack trace.");
        result.Output.ShouldNotContain("   at ");
    }

    [Fact]
    public void A_bug_shows_its_stack_trace_with_verbose_verbosity() =>
        Run<FailureBuild>("Bug", "--verbosity", "verbose").Output.ShouldContain("   at ");

    [Fact]
    public void Continue_skips_the_targets_that_succeeded_in_the_identical_failed_attempt()
    {
        var root = NewRoot();
        RunIn<FailureBuild>(root, "C").Ran.ShouldBe(["A", "B"]);
        var resumed = RunIn<FailureBuild>(root, "C", "--continue");
        resumed.Ran.ShouldBe(["B"]);
        resumed.Output.ShouldContain("// succeeded in the previous attempt");
        RunIn<FailureBuild>(root, "B", "--continue").Ran.ShouldBe(["A", "B"]); // another invocation starts over
    }
}
