using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.InProcessBuild;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>BuildImage (docker/build.sh) and ClearStaleImages (docker/clear-stale-images.sh).</summary>
[Collection(nameof(InProcessCollection))]
public class DockerImagesTests
{
    internal static string TreeWithDockerfile(string content = "FROM scratch\n")
    {
        var tree = Trees.CopyFixture();
        File.WriteAllText(Path.Combine(tree, "docker", "Dockerfile.ci_cpu"), content);
        return tree;
    }

    [Fact]
    public void BuildImage_runs_docker_build_as_build_sh_does()
    {
        var tree = TreeWithDockerfile();
        var docker = new FakeDocker();
        Run(["BuildImage", "--tvm-home", tree, "--image", "ci_cpu"], docker.Environment()).ExitCode.ShouldBe(0);
        docker.Calls.Single().ShouldBe([
            "build", "-t", "tvm.ci_cpu:latest", "--no-cache", "-f", $"{tree}/docker/Dockerfile.ci_cpu",
            $"{tree}/docker"]);

        var cached = new FakeDocker();
        Run(["BuildImage", "--tvm-home", tree, "--image", "CI_CPU", "--image-tag", "v2",
                "--cache-from", "tlcpack/ci-cpu:old", "--net", "host"],
            cached.Environment(new() { ["BUILD_TAG"] = "mine" })).ExitCode.ShouldBe(0);
        cached.Calls.Single().ShouldBe([
            "build", "-t", "mine.ci_cpu:v2", "-f", $"{tree}/docker/Dockerfile.ci_cpu", "--network=host",
            "--cache-from", "tvm.ci_cpu:v2", "--cache-from", "tlcpack/ci-cpu:old", $"{tree}/docker"]);
    }

    [Fact]
    public void BuildImage_of_an_unknown_image_lists_the_trees_dockerfiles()
    {
        var result = Run(["BuildImage", "--tvm-home", TreeWithDockerfile(), "--image", "ci_nope"],
            new FakeDocker().Environment());
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain("No Dockerfile for image 'ci_nope'");
        result.Output.ShouldContain("Images of this tree: ci_cpu.");
    }

    internal static Dictionary<string, string?> Images(FakeDocker docker) => docker.Environment(new()
    {
        ["FAKE_DOCKER_IMAGES"] = "tlcpack/ci-cpu:20260101-000000-fixture\\ntlcpack/ci-gpu:old\\nubuntu:22.04\\n" +
            "<none>:<none>\\ntlcpack/ci-lint:older\\n",
    });

    [Fact]
    public void ClearStaleImages_removes_tlcpack_images_the_tree_no_longer_names()
    {
        var docker = new FakeDocker();
        var result = Run(["ClearStaleImages", "--tvm-home", Fixture, "--yes", "--verbose"], Images(docker));
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("skipping (image used): tlcpack/ci-cpu:20260101-000000-fixture");
        result.Output.ShouldContain("skipping (non-tvm): ubuntu:22.04");
        docker.Calls.Last().ShouldBe(["rmi", "tlcpack/ci-gpu:old", "tlcpack/ci-lint:older"]);
    }

}
