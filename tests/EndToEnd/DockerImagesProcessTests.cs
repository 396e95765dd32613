using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.EndToEnd.DockerImagesTests;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>BuildImage and ClearStaleImages through ./build.sh as a process: whether ClearStaleImages may ask depends
/// on the process's stdin (empty and closed here); a real image build with podman.</summary>
public class DockerImagesProcessTests
{
    [Fact]
    public void ClearStaleImages_asks_before_removing_and_dry_run_only_prints()
    {
        var docker = new FakeDocker();
        var asked = Run(["ClearStaleImages", "--tvm-home", Fixture], Images(docker));
        asked.ExitCode.ShouldBe(255);
        asked.Output.ShouldContain("Would remove 2 images: tlcpack/ci-gpu:old tlcpack/ci-lint:older.");
        asked.Output.ShouldContain("Pass --yes to remove them");
        docker.Calls.ShouldAllBe(c => c[0] != "rmi");

        var dry = new FakeDocker();
        var printed = Run(["ClearStaleImages", "--tvm-home", Fixture, "--dry-run"], Images(dry));
        printed.Output.ShouldContain("docker rmi tlcpack/ci-gpu:old tlcpack/ci-lint:older");
        dry.Calls.ShouldAllBe(c => c[0] != "rmi");
    }

    [PodmanFact]
    public void BuildImage_builds_for_real_with_podman()
    {
        var tree = TreeWithDockerfile($"FROM localhost/{Podman.Image}\nRUN echo built > /built\n");
        var result = Run(["BuildImage", "--tvm-home", tree, "--image", "ci_cpu", "--image-tag", "test", "--docker-cli",
            "podman", "--cache"], Podman.Environment);
        result.ExitCode.ShouldBe(0, result.ToString());
        Podman.Shell("podman run --rm localhost/tvm.ci_cpu:test cat /built").Output.ShouldContain("built");
        Podman.Shell("podman rmi localhost/tvm.ci_cpu:test");
    }
}
