using Shouldly;
using TvmBuild.Tests.Support;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>Against a real TVM checkout (TVM_HOME): skipped, visibly, without one.</summary>
public class RealTvmTests
{
    private static string Tvm => Environment.GetEnvironmentVariable("TVM_HOME")!;

    [RealTvmFact]
    public void The_tree_has_a_known_layout_and_configures_with_the_cpu_preset() =>
        Run("Configure", "--tvm-home", Tvm, "--config-only", "--build-dir", TempDirectory()).ExitCode.ShouldBe(0);
}
