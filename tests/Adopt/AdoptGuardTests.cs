using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Adopt.AdoptTests;
using static TvmBuild.Tests.Support.InProcessBuild;

namespace TvmBuild.Tests.Adopt;

/// <summary>What Adopt refuses, in-process; <see cref="AdoptTests"/> runs an adopted home's own build.sh, and
/// --check and --dry-run (a git diff per file of the home: their time is git's, not a .NET start's).</summary>
[Collection(nameof(InProcessCollection))]
public class AdoptGuardTests
{
    [Fact]
    public void Uncommitted_changes_and_foreign_files_are_refused_and_nothing_is_written()
    {
        var tree = GitTree.CommittedFixture();
        File.AppendAllText(Path.Combine(tree, ".gitignore"), "mine/\n");
        var dirty = Run("Adopt", "--tvm-home", tree);
        dirty.ExitCode.ShouldBe(255);
        dirty.Output.ShouldContain("has uncommitted changes to paths Adopt writes: .gitignore.");
        Status(tree).ShouldBe([" M .gitignore"]);

        GitTree.Git(tree, "checkout", "--", ".gitignore");
        File.WriteAllText(Path.Combine(tree, "build.sh"), "#!/bin/sh\necho mine\n");
        GitTree.Git(tree, "add", "build.sh");
        GitTree.Git(tree, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "own build.sh");
        var foreign = Run("Adopt", "--tvm-home", tree);
        foreign.ExitCode.ShouldBe(255);
        foreign.Output.ShouldContain("has its own build.sh, which Adopt would overwrite.");
        Status(tree).ShouldBeEmpty();
        var forced = Run("Adopt", "--tvm-home", tree, "--force");
        forced.ExitCode.ShouldBe(0, forced.ToString());
        File.ReadAllText(Path.Combine(tree, "build.sh")).ShouldBe(File.ReadAllText(Path.Combine(RepoRoot, "build.sh")));
    }

    [Fact]
    public void A_tree_that_is_not_a_git_checkout_is_refused()
    {
        var tree = Trees.CopyFixture();
        var result = Run("Adopt", "--tvm-home", tree);
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain($"{tree} is not the root of a git checkout.");
        File.Exists(Path.Combine(tree, "build.sh")).ShouldBeFalse();
    }
}
