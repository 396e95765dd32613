using Shouldly;
using TvmBuild.Docker;
using TvmBuild.Tvm;
using Xunit;

namespace TvmBuild.Tests.Unit;

/// <summary>DockerRun.Argv as a table: both bash.sh dialects with the host facts pinned (no docker, no TVM).</summary>
public class DockerRunTests
{
    private static MachineFacts Host(Dictionary<string, string>? environment = null, bool rootless = false,
        bool nvidiaDocker = false, string[]? icd = null, string? gitCommon = null, string[]? existing = null) => new(
        name => environment?.GetValueOrDefault(name),
        (1000, "dev", 1001, "devs"),
        rootless,
        path => existing?.Contains(path) ?? false,
        path => existing?.Contains(path) ?? false,
        nvidiaDocker,
        icd ?? [],
        gitCommon);

    private static DockerRunOptions Options(BashShDialect dialect, string image = "tlcpack/ci-cpu:v1",
        params string[] command) => new()
        {
            Cli = "docker", Dialect = dialect, RepoDirectory = "/src/tvm", Image = image, Command = command,
        };

    private static readonly string[] Identity =
    [
        "--env", "CI_BUILD_HOME=/src/tvm", "--env", "CI_BUILD_USER=dev", "--env", "CI_BUILD_UID=1000",
        "--env", "CI_BUILD_GROUP=devs", "--env", "CI_BUILD_GID=1001", "--env", "CI_PYTEST_ADD_OPTIONS=",
    ];

    [Fact]
    public void A_command_at_main_runs_as_the_same_user_with_the_tree_mounted_at_its_own_path() =>
        DockerRun.Argv(Options(BashShDialect.RootlessAware, command: ["make", "-j2"]), Host()).ShouldBe([
            "docker", "run", "--workdir", "/src/tvm", "--rm", "--pid=host", .. Identity,
            "--env", "CI_IMAGE_NAME=tlcpack/ci-cpu:v1", "--env", "PYTHONPATH=/src/tvm/python",
            "--volume", "/src/tvm:/src/tvm", "--volume", "/src/tvm/docker:/docker",
            "tlcpack/ci-cpu:v1", "bash", "--login", "/docker/with_the_same_user", "make", "-j2"]);

    [Fact]
    public void Rootless_docker_at_main_drops_the_user_mapping_and_the_host_pid_namespace() =>
        DockerRun.Argv(Options(BashShDialect.RootlessAware, command: ["true"]), Host(rootless: true)).ShouldBe([
            "docker", "run", "--workdir", "/src/tvm", "--rm", .. Identity,
            "--env", "CI_IMAGE_NAME=tlcpack/ci-cpu:v1", "--env", "PYTHONPATH=/src/tvm/python",
            "--volume", "/src/tvm:/src/tvm", "--volume", "/src/tvm/docker:/docker",
            "tlcpack/ci-cpu:v1", "true"]);

    [Fact]
    public void A_bare_shell_at_v0_9_0_is_interactive_with_the_host_network_and_the_test_data_mount()
    {
        var host = Host(new() { ["HOME"] = "/home/dev" }, existing: ["/home/dev/.tvm_test_data"]);
        DockerRun.Argv(Options(BashShDialect.Classic), host).ShouldBe([
            "docker", "run", "--workdir", "/src/tvm", "--rm", "--pid=host", "--net=host", "--interactive", "--tty",
            .. Identity, "--env", "CI_IMAGE_NAME=tlcpack/ci-cpu:v1", "--env", "PYTHONPATH=/src/tvm/python",
            "--volume", "/src/tvm:/src/tvm", "--volume", "/src/tvm/docker:/docker",
            "--volume", "/home/dev/.tvm_test_data:/src/tvm/.tvm_test_data",
            "tlcpack/ci-cpu:v1", "bash", "--login", "/docker/with_the_same_user", "bash"]);
    }

    [Fact]
    public void A_gpu_image_at_v0_9_0_uses_nvidia_docker_when_present_and_mounts_the_icd_files()
    {
        var argv = DockerRun.Argv(Options(BashShDialect.Classic, "tlcpack/ci-gpu:v1", "nvidia-smi"),
            Host(nvidiaDocker: true, icd: ["/etc/vulkan/icd.d/nvidia_icd.json"]));
        argv[0].ShouldBe("nvidia-docker");
        argv.ShouldNotContain("--gpus");
        argv.ShouldContain("NVIDIA_DRIVER_CAPABILITIES=compute,graphics,utility");
        var mount = argv.IndexOf("/etc/vulkan/icd.d/nvidia_icd.json:/etc/vulkan/icd.d/nvidia_icd.json:ro");
        argv[mount - 1].ShouldBe("--volume");
    }

    [Fact]
    public void Jenkins_mounts_the_tree_at_workspace_and_options_keep_their_values_next_to_them()
    {
        var options = Options(BashShDialect.RootlessAware, command: ["true"]) with
        {
            Net = "tvm-net",
            Cpus = "2",
            Volumes = ["/a:/b"],
            Name = "box",
            Environment = ["A=1"],
            BuildDirectory = "build-x",
        };
        var argv = DockerRun.Argv(options, Host(new() { ["JENKINS_HOME"] = "/var/jenkins" }));
        string After(string flag, int skip = 0) =>
            argv[argv.Select((a, i) => (a, i)).Where(p => p.a == flag).Skip(skip).First().i + 1];
        After("--workdir").ShouldBe("/workspace");
        After("--cpus").ShouldBe("2");
        After("--net").ShouldBe("tvm-net");
        After("--name").ShouldBe("box");
        After("--hostname").ShouldBe("box");
        argv.ShouldContain("/src/tvm:/workspace");
        argv.ShouldContain("LD_LIBRARY_PATH=/workspace/build-x");
        argv.ShouldContain("A=1");
    }

    [Fact]
    public void A_missing_dev_mount_is_skipped_with_a_warning()
    {
        var warnings = new List<string>();
        var argv = DockerRun.Argv(Options(BashShDialect.RootlessAware, command: ["true"]),
            Host(new() { ["TVM_DEV_DOCKER_MOUNTS"] = "/data /nope" }, existing: ["/data"]), warnings);
        argv.ShouldContain("/data:/data");
        argv.ShouldNotContain("/nope:/nope");
        warnings.ShouldBe(["Mount source '/nope' not found on host, skipping."]);
    }
}
