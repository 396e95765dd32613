using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>Docker mode through ./build.sh as a process: Ctrl-C reaches the container.</summary>
public class DockerProcessTests
{
    [Fact]
    public void Ctrl_c_removes_the_container()
    {
        var docker = new FakeDocker();
        var result = Run(["Compile", "--tvm-home", Fixture, "--docker", "ci_cpu", "--build-dir", "build-cancel"],
            docker.Environment(new() { ["FAKE_DOCKER_SLEEP"] = "60" }),
            whileRunning: process =>
            {
                docker.WaitUntilRunning(TimeSpan.FromSeconds(60));
                System.Diagnostics.Process.Start("kill", ["-INT", process.Id.ToString()])!.WaitForExit();
            });
        result.ExitCode.ShouldBe(130, result.ToString());
        var remove = docker.Calls.Last();
        remove[..2].ShouldBe(["rm", "--force"]);
        remove[2].ShouldStartWith("fakecontainer");
        Directory.Delete($"{Fixture}/build-cancel", recursive: true);
    }
}
