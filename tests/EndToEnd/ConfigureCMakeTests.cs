using Shouldly;
using Xunit;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>Configure with a real CMake run, so through ./build.sh, in parallel with the other end-to-end tests; the
/// rest of Configure is in <see cref="ConfigureTests"/>.</summary>
public class ConfigureCMakeTests
{
    [Theory]
    [InlineData("CMAKE_GENERATOR:INTERNAL=Unix Makefiles",
        "was configured with the 'Unix Makefiles' generator, this run uses 'Ninja'")]
    [InlineData("CMAKE_HOME_DIRECTORY:INTERNAL=/workspace",
        "was configured for the source tree at /workspace (another mount point?)")]
    public void A_build_dir_from_another_generator_or_mount_point_asks_for_reconfigure(string cacheLine, string problem)
    {
        var build = TempDirectory();
        var generator = cacheLine.Contains("GENERATOR") ? cacheLine : "CMAKE_GENERATOR:INTERNAL=Ninja";
        File.WriteAllText(Path.Combine(build, "CMakeCache.txt"), $"{generator}\n{cacheLine}\n");
        var result = Run("Configure", "--tvm-home", Fixture, "--build-dir", build, "--compiler-cache", "none");
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain($"{build} {problem}");
        result.Output.ShouldContain("Rerun with --reconfigure to delete its CMake cache");
        var again = Run("Configure", "--tvm-home", Fixture, "--build-dir", build, "--compiler-cache", "none",
            "--reconfigure");
        again.ExitCode.ShouldBe(0, again.ToString());
        File.ReadAllText(Path.Combine(build, "CMakeCache.txt")).ShouldContain("CMAKE_GENERATOR:INTERNAL=Ninja");
    }
}
