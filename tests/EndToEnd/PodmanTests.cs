using System.Diagnostics;
using Shouldly;
using TvmBuild.Tests.Support;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>Docker mode on a real engine: podman runs the containers that docker/bash.sh's argv describes.</summary>
public class PodmanTests
{
    private static string[] Args(string tree, params string[] args) =>
        [args[0], "--tvm-home", tree, "--docker", Podman.Image, "--docker-cli", "podman", .. args[1..]];

    [PodmanFact]
    public void DevShell_runs_the_command_in_a_container_and_returns_its_exit_code()
    {
        var result = Run(Args(Fixture, "DevShell", "--", "sh", "-c", "echo inside $CI_IMAGE_NAME as $(id -u); exit 7"),
            Podman.Environment);
        result.Output.ShouldContain($"inside {Podman.Image} as {Environment.GetEnvironmentVariable("UID") ?? Id()}");
        result.ExitCode.ShouldBe(7);
    }

    [PodmanFact]
    public void Compile_and_test_in_a_container_write_the_build_on_the_host_as_this_user()
    {
        var tree = Trees.CopyFixture();
        // Named, so that the check below sees this test's containers only (other tests run theirs meanwhile).
        var name = $"tvm-build-podman-test-{Guid.NewGuid():N}";
        var result = Run(Args(tree, "CppTest+UnitTest", "--container-name", name), Podman.Environment);
        result.ExitCode.ShouldBe(0, result.ToString());
        var library = Path.Combine(tree, "build-cpu", "libtvm.so");
        File.Exists(library).ShouldBeTrue();
        Owner(library).ShouldBe(Id());
        result.Output.ShouldContain("[  PASSED  ] 3 tests.");
        File.Exists(Path.Combine(tree, "build-cpu", "pytest-results", "python-unittest.xml")).ShouldBeTrue();
        Podman.Shell("podman ps -a --format '{{.Names}}'").Output.ShouldNotContain(name, Case.Sensitive,
            "no container is left behind");
    }

    [PodmanFact]
    public void Ctrl_c_stops_and_removes_the_container()
    {
        var result = Run(Args(Fixture, "DevShell", "--container-name", "tvm-build-cancel-test", "--", "sleep", "60"),
            Podman.Environment, whileRunning: process =>
        {
            Wait.Until(() => Podman.Shell("podman ps --format '{{.Names}}'").Output.Contains("tvm-build-cancel-test"),
                "the container tvm-build-cancel-test in podman ps", process);
            Process.Start("kill", ["-INT", process.Id.ToString()])!.WaitForExit();
        }, timeout: TimeSpan.FromSeconds(60));
        result.ExitCode.ShouldNotBe(0);
        Podman.Shell("podman ps -a --format '{{.Names}}'").Output.ShouldNotContain("tvm-build-cancel-test");
    }

    private static string Id() => Podman.Shell("id -u").Output.Trim();
    private static string Owner(string path) => Podman.Shell($"stat -c %u {path}").Output.Trim();
}
