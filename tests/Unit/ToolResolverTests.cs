using Shouldly;
using TvmBuild.Engine;
using Xunit;

namespace TvmBuild.Tests.Unit;

/// <summary>How a command name is looked for in a PATH folder: on Windows with PATHEXT's extensions, as cmd.exe
/// does (the generated workflow has a windows job).</summary>
public class ToolResolverTests
{
    [Fact]
    public void On_windows_a_name_is_tried_with_each_pathext_extension_first()
    {
        ToolResolver.FileNames("git", windows: true, ".COM;.EXE;.BAT")
            .ShouldBe(["git.com", "git.exe", "git.bat", "git"]);
        ToolResolver.FileNames("cmake.exe", windows: true, ".COM;.EXE").ShouldBe(["cmake.exe"]);
        ToolResolver.FileNames("git", windows: true, null)
            .ShouldBe(["git.com", "git.exe", "git.bat", "git.cmd", "git"]);
    }

    [Fact]
    public void Elsewhere_a_name_is_itself() =>
        ToolResolver.FileNames("git", windows: false, ".EXE").ShouldBe(["git"]);
}
