using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.InProcessBuild;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>Docker mode's containers take the options DevShell's takes: a name and hostname, and --env values, which
/// follow the tree to its mount point as command paths do.</summary>
[Collection(nameof(InProcessCollection))]
public class ContainerOptionsTests
{
    [Fact]
    public void Every_container_of_a_run_gets_the_name_and_hostname()
    {
        var result = Run(["Compile", "--tvm-home", Fixture, "--docker", "ci_cpu", "--container-name", "ci-cpu-abcde",
            "--dry-run"], new FakeDocker().Environment());
        result.ExitCode.ShouldBe(0, result.ToString());
        var runs = result.Output.Split('\n').Where(l => l.StartsWith("docker run ")).ToList();
        runs.Count.ShouldBe(2);
        runs.ShouldAllBe(r => r.Contains(" --name ci-cpu-abcde --hostname ci-cpu-abcde "));
        result.Output.ShouldNotContain("has no effect");
    }

    [Fact]
    public void Under_jenkins_an_env_value_naming_the_tree_names_its_mount_point()
    {
        var result = Run(["Compile", "--tvm-home", Fixture, "--docker", "ci_cpu", "--dry-run",
            "--env", $"TVM_LIBRARY_PATH={Fixture}/build-cpu", "--env", "PLATFORM=cpu"],
            new FakeDocker().Environment(new() { ["JENKINS_HOME"] = "/var/jenkins" }));
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("--env TVM_LIBRARY_PATH=/workspace/build-cpu --env PLATFORM=cpu ");
    }
}
