using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.InProcessBuild;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>Checkout from a local repository (any git URL or path works; a local one keeps the test offline).</summary>
[Collection(nameof(InProcessCollection))]
public class CheckoutTests
{
    private static string MakeRepository()
    {
        var repo = Path.Combine(TempDirectory(), "origin");
        Directory.CreateDirectory(repo);
        Git(repo, "init", "--quiet", "--initial-branch=main");
        File.WriteAllText(Path.Combine(repo, "CMakeLists.txt"), "project(tvm)\n");
        Git(repo, "add", "-A");
        Git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "-m", "one");
        Git(repo, "tag", "v1");
        return repo;
    }

    private static void Git(string directory, params string[] args) => GitTree.Git(directory, args).Code.ShouldBe(0);

    [Fact]
    public void Checkout_clones_the_ref_and_leaves_an_existing_tree_alone()
    {
        var repo = MakeRepository();
        var tvm = Path.Combine(TempDirectory(), "tvm");
        var result = Run("Checkout", "--tvm-home", tvm, "--tvm-repo", repo, "--tvm-ref", "v1");
        result.ExitCode.ShouldBe(0, result.ToString());
        File.Exists(Path.Combine(tvm, "CMakeLists.txt")).ShouldBeTrue();
        result.Output.ShouldContain("submodule update --init --recursive");
        Run("Checkout", "--tvm-home", tvm, "--tvm-repo", repo).Output
            .ShouldContain($"A tree already exists at {tvm}; leaving it alone");
    }

    [Fact]
    public void A_bad_ref_fails_and_leaves_nothing_half_written()
    {
        var repo = MakeRepository();
        var parent = TempDirectory();
        var result = Run("Checkout", "--tvm-home", Path.Combine(parent, "tvm"), "--tvm-repo", repo, "--tvm-ref",
            "no-such-ref");
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain($"Hint: Is 'no-such-ref' a branch, tag or commit of {repo}?");
        Directory.GetFileSystemEntries(parent).ShouldBeEmpty();
    }
}
