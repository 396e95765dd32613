using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.InProcessBuild;

namespace TvmBuild.Tests.Safety;

/// <summary>Clean removes only build directories; the tree, a folder holding it, / and $HOME never go,
/// and a refusal removes nothing.</summary>
[Collection(nameof(InProcessCollection))]
public class CleanSafetyTests
{
    /// <summary>A sandbox: a fixture tree at sandbox/tree, a file sandbox/KEEP beside it, a fake home
    /// sandbox/home.</summary>
    private static (string Sandbox, string Tree, string Home) Sandbox()
    {
        var tree = Trees.CopyFixture();
        var sandbox = Path.GetDirectoryName(tree)!;
        File.WriteAllText(Path.Combine(sandbox, "KEEP"), "keep");
        var home = Directory.CreateDirectory(Path.Combine(sandbox, "home")).FullName;
        File.WriteAllText(Path.Combine(home, ".bashrc"), "keep");
        return (sandbox, tree, home);
    }

    private static void ShouldBeIntact(string sandbox, string tree)
    {
        File.Exists(Path.Combine(sandbox, "KEEP")).ShouldBeTrue();
        File.Exists(Path.Combine(sandbox, "home", ".bashrc")).ShouldBeTrue();
        File.Exists(Path.Combine(tree, "src", "fixture.cc")).ShouldBeTrue();
        File.Exists(Path.Combine(tree, "CMakeLists.txt")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("..", "{sandbox}", "it holds the TVM tree")]
    [InlineData(".", "{tree}", "it is the TVM tree")]
    [InlineData("src", "{tree}/src",
        "it is not a build directory (no .tvm-build-dir from Configure, no CMakeCache.txt)")]
    [InlineData("/", "/", "it is the root folder")]
    [InlineData("{home}", "{home}", "it is your home folder")]
    public void Clean_refuses_what_is_not_a_build_directory_and_removes_nothing(
        string buildDir, string shown, string why)
    {
        var (sandbox, tree, home) = Sandbox();
        string Fill(string text) => text.Replace("{sandbox}", sandbox).Replace("{tree}", tree).Replace("{home}", home);
        foreach (var dryRun in new[] { true, false })
        {
            string[] args = ["Clean", "--tvm-home", tree, "--build-dir", Fill(buildDir),
                .. dryRun ? new[] { "--dry-run" } : []];
            var result = Run(args, new() { ["HOME"] = home });
            result.ExitCode.ShouldBe(255, result.ToString());
            result.Output.ShouldContain($"Refusing to remove {Fill(shown)}: {why}. Nothing was removed.");
            result.Output.ShouldNotContain("rm -rf");
            ShouldBeIntact(sandbox, tree);
        }
    }

    [Fact]
    public void A_home_folder_in_the_environment_is_neither_read_as_BUILD_DIR_nor_removed()
    {
        var (sandbox, tree, home) = Sandbox();
        var generic = Run(["Clean", "--tvm-home", tree], new() { ["HOME"] = home, ["BUILD_DIR"] = home });
        generic.ExitCode.ShouldBe(0, generic.ToString());
        generic.Output.ShouldContain($"Nothing to clean in {tree}");
        var named = Run(["Clean", "--tvm-home", tree], new() { ["HOME"] = home, ["TVM_BUILD_BUILD_DIR"] = home });
        named.ExitCode.ShouldBe(255);
        named.Output.ShouldContain($"Refusing to remove {home}: it is your home folder.");
        ShouldBeIntact(sandbox, tree);
    }

    [Fact]
    public void Configure_refuses_a_folder_of_other_files_so_Clean_can_never_take_it()
    {
        var (sandbox, tree, _) = Sandbox();
        var configure = Run("Configure", "--config-only", "--tvm-home", tree, "--build-dir", "src");
        configure.ExitCode.ShouldBe(255);
        configure.Output.ShouldContain($"Refusing to use {tree}/src as the build directory: it holds other files");
        Directory.GetFiles(Path.Combine(tree, "src")).Select(Path.GetFileName).ShouldNotContain("config.cmake");
        File.Exists(Path.Combine(tree, "src", ".tvm-build-dir")).ShouldBeFalse();
        Run("Configure", "--config-only", "--tvm-home", tree, "--build-dir", ".").Output
            .ShouldContain($"Refusing to use {tree} as the build directory: it is the TVM tree.");
        ShouldBeIntact(sandbox, tree);
    }

    [Fact]
    public void A_build_directory_made_by_Configure_or_by_CMake_goes_and_dry_run_lists_exactly_that()
    {
        var (sandbox, tree, _) = Sandbox();
        Run("Configure", "--config-only", "--tvm-home", tree).ExitCode.ShouldBe(0);
        File.ReadAllText(Path.Combine(tree, "build-cpu", ".tvm-build-dir"))
            .ShouldContain("'./build.sh Clean' may remove this folder");
        var cmakeMade = Directory.CreateDirectory(Path.Combine(sandbox, "out")).FullName;
        File.WriteAllText(Path.Combine(cmakeMade, "CMakeCache.txt"), "# This is the CMakeCache file.\n");

        var dry = Run("Clean", "--tvm-home", tree, "--dry-run");
        dry.Output.Split('\n').Where(l => l.StartsWith("rm ")).ShouldBe([$"rm -rf {tree}/build-cpu"]);
        Directory.Exists(Path.Combine(tree, "build-cpu")).ShouldBeTrue();

        Run("Clean", "--tvm-home", tree).ExitCode.ShouldBe(0);
        Directory.Exists(Path.Combine(tree, "build-cpu")).ShouldBeFalse();
        Run("Clean", "--tvm-home", tree, "--build-dir", cmakeMade).ExitCode.ShouldBe(0);
        Directory.Exists(cmakeMade).ShouldBeFalse();
        ShouldBeIntact(sandbox, tree);
    }

    [Fact]
    public void Clean_all_needs_a_TVM_tree_and_refuses_a_build_star_folder_that_is_not_a_build_directory()
    {
        var notTvm = TempDirectory();
        Directory.CreateDirectory(Path.Combine(notTvm, "build-x"));
        File.WriteAllText(Path.Combine(notTvm, "build-x", "notes.txt"), "mine");
        var outside = Run("Clean", "--all", "--tvm-home", notTvm);
        outside.ExitCode.ShouldBe(255);
        outside.Output.ShouldContain($"{notTvm} is not a TVM tree");
        File.Exists(Path.Combine(notTvm, "build-x", "notes.txt")).ShouldBeTrue();

        var (sandbox, tree, _) = Sandbox();
        Run("Configure", "--config-only", "--tvm-home", tree, "--preset", "wasm").ExitCode.ShouldBe(0);
        Directory.CreateDirectory(Path.Combine(tree, "build-notes"));
        File.WriteAllText(Path.Combine(tree, "build-notes", "notes.txt"), "mine");
        var all = Run("Clean", "--all", "--tvm-home", tree);
        all.ExitCode.ShouldBe(255);
        all.Output.ShouldContain($"Refusing to remove {tree}/build-notes: it is not a build directory");
        Directory.Exists(Path.Combine(tree, "build-wasm")).ShouldBeTrue("a refusal removes nothing");
        File.Exists(Path.Combine(tree, "build-notes", "notes.txt")).ShouldBeTrue();
        ShouldBeIntact(sandbox, tree);
    }

    [Fact]
    public void A_symlinked_build_directory_loses_the_link_only()
    {
        var (sandbox, tree, home) = Sandbox();
        File.CreateSymbolicLink(Path.Combine(tree, "build-cpu"), home);
        var result = Run("Clean", "--tvm-home", tree);
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain($"Removed the link {tree}/build-cpu");
        Path.Exists(Path.Combine(tree, "build-cpu")).ShouldBeFalse();
        ShouldBeIntact(sandbox, tree);
    }
}
