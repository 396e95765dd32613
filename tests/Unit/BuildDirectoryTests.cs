using Shouldly;
using TvmBuild.Engine;
using TvmBuild.Tvm;
using Xunit;

namespace TvmBuild.Tests.Unit;

/// <summary>Which folders may be build directories and which may be removed, with links resolved.</summary>
public class BuildDirectoryTests
{
    private static (AbsolutePath Sandbox, AbsolutePath Tree, AbsolutePath Root) Sandbox()
    {
        var sandbox = AbsolutePath.Create(Directory.CreateTempSubdirectory("tvm-build-unit-").FullName);
        var tree = (sandbox / "tvm").CreateDirectory();
        (tree / "src").CreateDirectory();
        File.WriteAllText(tree / "src" / "a.cc", "");
        return (sandbox, tree, (sandbox / "tvm-build").CreateDirectory());
    }

    [Fact]
    public void The_tree_its_parents_and_a_folder_of_other_files_are_refused()
    {
        var (sandbox, tree, root) = Sandbox();
        BuildDirectories.RefuseToRemove(tree, tree, root).ShouldBe("it is the TVM tree");
        BuildDirectories.RefuseToRemove(sandbox, tree, root).ShouldBe("it holds the TVM tree");
        BuildDirectories.RefuseToRemove(AbsolutePath.Create("/"), tree, root).ShouldBe("it is the root folder");
        BuildDirectories.RefuseToUse(tree / "src", tree, root)!.ShouldStartWith("it holds other files (a.cc)");
        BuildDirectories.RefuseToUse(tree / "build-cpu", tree, root).ShouldBeNull();
    }

    [Fact]
    public void A_link_to_the_tree_is_the_tree()
    {
        var (sandbox, tree, root) = Sandbox();
        File.CreateSymbolicLink(sandbox / "alias", tree);
        BuildDirectories.RefuseToRemove(sandbox / "alias", tree, root).ShouldBe("it is the TVM tree");
        RealPath.Of(sandbox / "alias" / "src").ShouldBe(tree / "src");
    }

    [Fact]
    public void Only_a_marker_or_a_cmake_cache_makes_a_build_directory()
    {
        var (_, tree, root) = Sandbox();
        var build = (tree / "build-cpu").CreateDirectory();
        BuildDirectories.RefuseToRemove(build, tree, root)
            .ShouldBe("it is not a build directory (no .tvm-build-dir from Configure, no CMakeCache.txt)");
        File.WriteAllText(build / "CMakeCache.txt", "");
        BuildDirectories.RefuseToRemove(build, tree, root).ShouldBeNull();
    }
}
