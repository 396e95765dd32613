using Shouldly;
using TvmBuild.Engine;
using TvmBuild.Tests.Support;
using Xunit;

namespace TvmBuild.Tests.Unit;

/// <summary>The native build's in-process fingerprint of build/ is the one build.sh and build.ps1 compute.</summary>
public class NativeSourcesTests
{
    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("Build.cs 1234 1700000000\nEngine/X.cs 5 1700000001\n")]
    public void Cksum_is_posix_cksum(string text)
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, text);
        var (code, output) = Processes.Run("cksum", [file]);
        code.ShouldBe(0, output);
        var expected = output.Split(' ');
        $"{NativeSources.Cksum(System.Text.Encoding.UTF8.GetBytes(text))} {text.Length}"
            .ShouldBe($"{expected[0]} {expected[1]}");
    }

    [Fact]
    public void The_fingerprint_of_build_is_build_sh_s()
    {
        var fromScript = Path.GetFileName(BuildScript.CompiledBuildFolder(BuildScript.RepoRoot))["run-".Length..];
        NativeSources.Fingerprint(Path.Combine(BuildScript.RepoRoot, "build")).Replace(' ', '-')
            .ShouldBe(fromScript);
    }
}
