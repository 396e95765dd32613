using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Safety.FaultTests;
using static TvmBuild.Tests.Support.InProcessBuild;

namespace TvmBuild.Tests.Safety;

/// <summary>An unwritable .nuke folder or output folder is one clear line and exit 255, in-process
/// (<see cref="FaultTests"/> has the full disk, the read-only mount, concurrent runs and Ctrl-C).</summary>
[Collection(nameof(InProcessCollection))]
public class UnwritableFolderTests
{
    [Fact]
    public void An_unwritable_nuke_folder_stops_before_any_work_in_one_line()
    {
        var tree = Trees.CopyFixture();
        var result = Run("Configure", "--config-only", "--tvm-home", tree, "--root", BrokenRoot());
        ShouldBeOneCleanError(result);
        result.Output.ShouldContain("error: Cannot write the build's logs under");
        result.Output.ShouldNotContain("── Configure ──");
        Directory.Exists(Path.Combine(tree, "build-cpu")).ShouldBeFalse();
    }

    [Fact]
    public void An_unwritable_output_folder_is_one_line()
    {
        var output = Path.Combine(TempDirectory(), "file");
        File.WriteAllText(output, "a file, not a folder");
        var result = Run("GenerateCi", "--output", output);
        ShouldBeOneCleanError(result);
        result.Output.ShouldContain($"Cannot write {output}/");
        Directory.GetFiles(Path.GetDirectoryName(output)!).ShouldBe([output]);
    }
}
