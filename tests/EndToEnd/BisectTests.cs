using System.Text.RegularExpressions;
using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.BuildScript;
using static TvmBuild.Tests.Support.GitTree;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>Bisect on a fixture history of 32 commits, commit 13 of which deletes cmake/config.cmake (Configure
/// --config-only fails from there on): real git bisect run, real steps.</summary>
public class BisectTests
{
    [Fact]
    public void Bisect_finds_the_planted_commit_in_a_worktree_and_leaves_the_users_checkout_as_it_was()
    {
        var tree = CommittedFixture();
        var news = Path.Combine(tree, "NEWS.txt");
        File.WriteAllText(news, "0\n");
        Commit(tree, "add", "NEWS.txt");
        for (var k = 1; k < 32; k++)
        {
            File.AppendAllText(news, $"{k}\n");
            if (k == 13) Git(tree, "rm", "--quiet", "cmake/config.cmake").Code.ShouldBe(0);
            Commit(tree, "commit", "-a", "--quiet", "-m", $"commit {k}");
        }
        var planted = Git(tree, "rev-parse", "HEAD~18").Output.Trim();
        var head = Git(tree, "rev-parse", "HEAD").Output.Trim();
        File.AppendAllText(Path.Combine(tree, "README.md"), "an edit of the user's, not committed\n");
        var status = Git(tree, "status", "--porcelain").Output;

        var result = Run("Bisect", "--good", "HEAD~31", "--bad", "HEAD", "--tvm-home", tree, "--",
            "Configure", "--config-only");

        result.ExitCode.ShouldBe(0, result.ToString());
        var worktree = Path.Combine(tree, ".git", "tvm-build-bisect");
        var found = Regex.Match(result.Output, $@"Bisect: first bad commit {planted} commit 13 \((\d+) steps\)");
        found.Success.ShouldBeTrue(result.Output);
        int.Parse(found.Groups[1].Value).ShouldBeLessThanOrEqualTo(6);
        var reproduce = $"/usr/bin/git -C {worktree} checkout --quiet --detach {planted} && " +
            $"{RepoRoot}/build.sh Configure --config-only --tvm-home {worktree}";
        result.Output.ShouldContain($"Bisect reproduce: {reproduce}");
        result.Output.ShouldContain($"Bisect worktree: kept at {worktree}");

        // The user's checkout: same HEAD, same edit; no bisect left in progress in the worktree.
        Git(tree, "rev-parse", "HEAD").Output.Trim().ShouldBe(head);
        Git(tree, "status", "--porcelain").Output.ShouldBe(status);
        Git(worktree, "bisect", "log").Code.ShouldNotBe(0); // "We are not bisecting."
        // The printed command reproduces the failure.
        var again = Processes.Run("bash", ["-c", reproduce], tree);
        again.Code.ShouldNotBe(0, again.Output);
        again.Output.ShouldContain("lacks cmake/config.cmake");

        var swapped = Run("Bisect", "--good", "HEAD", "--bad", "HEAD~1", "--tvm-home", tree, "--", "Configure");
        swapped.ExitCode.ShouldNotBe(0);
        swapped.Output.ShouldContain("error: --good HEAD is not an ancestor of --bad HEAD~1.");
        swapped.Output.ShouldNotContain("   at ");
    }

    private static void Commit(string tree, params string[] args)
    {
        var result = Git(tree, ["-c", "user.name=t", "-c", "user.email=t@t", .. args]);
        result.Code.ShouldBe(0, result.Output);
    }
}
