using Shouldly;
using TvmBuild.Tests.Support;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>A CI stage reproduced for real on podman: an image made by BuildImage the way TVM's Dockerfiles end
/// (/opt/sccache first on PATH), the test image's busybox with the host's /usr, and /opt/sccache holding compiler
/// wrappers and a stand-in sccache that prints fixed statistics (Debian's sccache cannot be a CI image's).</summary>
public class CiPodmanTests
{
    private const string Image = "tvm-build-test:sccache";

    [PodmanFact]
    public void A_test_stage_with_its_build_runs_in_named_containers_and_reports_the_cache()
    {
        var tree = Trees.CopyFixture();
        File.WriteAllText(Path.Combine(tree, "docker", "Dockerfile.ci_sccache"),
            $"FROM {Podman.Image}\nENV PATH=/opt/sccache:/usr/local/bin:/usr/bin:/bin\n");
        string[] build =
        [
            "BuildImage", "--image", "ci_sccache", "--image-spec", Image, "--tvm-home", tree, "--docker-cli", "podman",
        ];
        var image = Run(build, Podman.Environment);
        image.ExitCode.ShouldBe(0, image.ToString());

        var wrappers = TempDirectory("opt-sccache-");
        Script(wrappers, "cc", "exec /usr/bin/cc \"$@\"");
        Script(wrappers, "c++", "exec /usr/bin/c++ \"$@\"");
        Script(wrappers, "sccache", "case \"$1\" in --show-stats) printf 'Cache hits 1\\nCache misses 3\\n' ;; esac");
        var environment = Podman.Environment;
        environment["TVM_DEV_DOCKER_MOUNTS"] += $" {wrappers}:/opt/sccache";

        var result = Run(["CiTask", "--name", "unittest: CPU", "--with-needs", "--tvm-home", tree, "--docker", Image,
            "--docker-cli", "podman"], environment);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("[  PASSED  ] 3 tests.");
        result.Output.Split('\n').Count(l => l.Contains("Compiler cache: sccache: 1 hits, 3 misses (25% hits)"))
            .ShouldBe(2, "each build step of build-cpu reports its container's sccache");
        File.Exists(Path.Combine(tree, "build-cpu", "pytest-results", "python-unittest.xml")).ShouldBeTrue();
        var left = Podman.Shell("podman ps -a --format '{{.Names}}'").Output;
        left.ShouldNotContain("ci-unittest-", Case.Sensitive, "no container is left behind");
    }

    private static void Script(string folder, string name, string body)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
        File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
    }
}
