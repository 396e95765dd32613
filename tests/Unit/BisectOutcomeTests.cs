using Shouldly;
using TvmBuild.Bisect;
using Xunit;

namespace TvmBuild.Tests.Unit;

/// <summary>What Bisect reads back from git bisect: the first bad commit and the step count from its log, the
/// candidates when only skipped commits are left.</summary>
public class BisectOutcomeTests
{
    private static readonly string A = new('a', 40), B = new('b', 40), C = new('c', 40);

    [Fact]
    public void The_log_gives_the_first_bad_commit_and_one_line_per_step()
    {
        var log = $"# bad: [{A}] x\n# good: [{B}] y\ngit bisect start 'HEAD' 'HEAD~3' '--'\n" +
                  $"# skip: [{C}] z\ngit bisect skip {C}\n# bad: [{A}] x\ngit bisect bad {A}\n" +
                  $"# first bad commit: [{A}] x\n";
        var outcome = BisectOutcome.Read(log, "");
        outcome.FirstBad.ShouldBe(A);
        outcome.Steps.ShouldBe(2);
        outcome.Skipped.ShouldBe(1);
        outcome.Good.ShouldBe(0);
        outcome.Candidates.ShouldBeEmpty();
    }

    [Fact]
    public void Only_skipped_commits_left_gives_the_candidates()
    {
        var output = $"There are only 'skip'ped commits left to test.\nThe first bad commit could be any of:\n" +
                     $"{A}\n{C}\nWe cannot bisect more!\n";
        var outcome = BisectOutcome.Read($"git bisect skip {A}\n", output);
        outcome.FirstBad.ShouldBeNull();
        outcome.Candidates.ShouldBe([A, C]);
    }
}
