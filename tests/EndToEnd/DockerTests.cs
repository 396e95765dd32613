using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.InProcessBuild;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>Docker mode and DevShell, through what a fake docker CLI receives.</summary>
[Collection(nameof(InProcessCollection))]
public class DockerTests
{
    private const string Image = "tlcpack/ci-cpu:20260101-000000-fixture";
    private static string WithTheSameUser => "bash --login /docker/with_the_same_user";

    private static List<string> BashShBase(string mount, string image = Image) =>
    [
        "run", "--workdir", mount, "--rm", "--pid=host",
        "--env", $"CI_BUILD_HOME={mount}", "--env", "CI_BUILD_USER=" + Environment.UserName,
        "--env", $"CI_BUILD_UID={Id("-u")}",
        "--env", $"CI_BUILD_GROUP={Group()}", "--env", $"CI_BUILD_GID={Id("-g")}", "--env", "CI_PYTEST_ADD_OPTIONS=",
        "--env", $"CI_IMAGE_NAME={image}", "--env", $"PYTHONPATH={mount}/python",
        "--volume", $"{Fixture}:{mount}", "--volume", $"{Fixture}/docker:/docker",
    ];

    private static string Id(string flag) =>
        System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("id", flag)
        {
            RedirectStandardOutput = true,
        })!.StandardOutput.ReadToEnd().Trim();
    private static string Group() => Id("-gn");

    /// <summary>An argv with its --cidfile (our bookkeeping) removed, flags order-insensitive as the issue
    /// allows.</summary>
    private static List<string> Canonical(IEnumerable<string> argv)
    {
        var list = argv.ToList();
        var cid = list.IndexOf("--cidfile");
        if (cid >= 0) list.RemoveRange(cid, 2);
        return list;
    }

    private static void ShouldBeSameArgv(List<string> actual, List<string> expected) =>
        Canonical(actual).Order().ShouldBe(expected.Order(), $"actual: {string.Join(" ", actual)}");

    [Fact]
    public void DevShell_jupyter_publishes_its_port_on_loopback_runs_jupyter_and_prints_the_url()
    {
        var docker = new FakeDocker();
        var result = Run(["DevShell", "--tvm-home", Fixture, "--docker", "ci_cpu", "--jupyter"], docker.Environment());
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("Jupyter: http://127.0.0.1:8888/ (the token is in its log below; Ctrl-C stops it)");
        var run = docker.Runs.ShouldHaveSingleItem();
        string.Join(" ", run).ShouldContain("--publish 127.0.0.1:8888:8888");
        run.TakeLast(5).ShouldBe(["jupyter", "notebook", "--ip=0.0.0.0", "--port=8888", "--no-browser"]);

        // A port and a command of one's own: the port is published for that command.
        var own = new FakeDocker();
        var mine = Run(["DevShell", "--tvm-home", Fixture, "--docker", "ci_cpu", "--jupyter", "9000", "--",
            "python3", "-m", "http.server", "9000"], own.Environment());
        mine.ExitCode.ShouldBe(0, mine.ToString());
        var argv = own.Runs.ShouldHaveSingleItem();
        string.Join(" ", argv).ShouldContain("--publish 127.0.0.1:9000:9000");
        argv.TakeLast(4).ShouldBe(["python3", "-m", "http.server", "9000"]);

        var bad = Run(["DevShell", "--tvm-home", Fixture, "--docker", "ci_cpu", "--jupyter", "notebook"],
            new FakeDocker().Environment());
        bad.ExitCode.ShouldNotBe(0);
        bad.Output.ShouldContain("--jupyter 'notebook' is not a port.");
        bad.Output.ShouldContain("Give a port from 1 to 65535");
        bad.Output.ShouldNotContain("   at ");
    }

    [Fact]
    public void An_image_that_cannot_be_had_is_named_with_how_to_get_it_and_nothing_runs_in_it()
    {
        var docker = new FakeDocker();
        var tree = Trees.CopyFixture();
        var result = Run(["Configure", "--tvm-home", tree, "--docker", "ci_cpu"],
            docker.Environment(new() { ["FAKE_DOCKER_NO_IMAGE"] = "1" }));
        result.ExitCode.ShouldNotBe(0);
        result.Output.ShouldContain("error: The image tlcpack/ci-cpu:20260101-000000-fixture (--docker ci_cpu) is " +
            "not on this machine and could not be pulled: Error response from daemon: manifest for " +
            "tlcpack/ci-cpu:20260101-000000-fixture not found: manifest unknown");
        result.Output.ShouldContain("hint: Pull it (docker pull tlcpack/ci-cpu:20260101-000000-fixture), or build it " +
            "from the tree's docker/Dockerfile.ci_cpu: ./build.sh BuildImage --image ci_cpu (--docker-cli podman");
        result.Output.ShouldNotContain("CMake output");
        docker.Runs.ShouldBeEmpty();
    }

    [Fact]
    public void DevShell_runs_a_command_as_bash_sh_would_and_returns_its_exit_code()
    {
        var docker = new FakeDocker();
        var result = Run(["DevShell", "--tvm-home", Fixture, "--docker", "ci_cpu", "--", "echo", "hi"],
            docker.Environment());
        result.ExitCode.ShouldBe(0, result.ToString());
        ShouldBeSameArgv(docker.Runs.Single(),
            [.. BashShBase(Fixture), Image, .. WithTheSameUser.Split(' '), "echo", "hi"]);

        var failing = new FakeDocker();
        var failed = Run(["DevShell", "--tvm-home", Fixture, "--docker", "ci_cpu", "--", "false"],
            failing.Environment(new() { ["FAKE_DOCKER_EXIT"] = "3" }));
        failed.ExitCode.ShouldBe(3);
        failed.Output.ShouldContain("The command in the container exited with code 3.");
    }

    [Fact]
    public void DevShell_without_a_command_opens_an_interactive_login_shell_and_gpu_images_get_gpus()
    {
        var docker = new FakeDocker();
        var result = Run(["DevShell", "--docker", "ci_gpu", "--interactive", "--tty"],
            docker.Environment(new() { ["TVM_HOME"] = Fixture }));
        result.ExitCode.ShouldBe(0, result.ToString());
        var gpu = "tlcpack/ci-gpu:20260101-000000-fixture";
        ShouldBeSameArgv(docker.Runs.Single(),
            [.. BashShBase(Fixture, gpu), "--interactive", "--tty", "--gpus", "all", "--env",
                "NVIDIA_DRIVER_CAPABILITIES=compute,graphics,utility",
             gpu, .. WithTheSameUser.Split(' '), "bash"]);
    }

    [Fact]
    public void DevShell_takes_every_bash_sh_option()
    {
        var docker = new FakeDocker();
        var data = TempDirectory();
        var result = Run([
                "DevShell", "--docker", "ci_cpu", "--net", "host", "--container-name", "foo",
                "--env", "FOO=bar", "BAZ=qux", "--mount", data, "--repo-mount-point", "/work", "--build-dir", "build-x",
                "--privileged", "--shell", "zsh", "--cpus", "2", "--volume", "/a:/b", "--", "make", "-j2",
            ],
            docker.Environment(new() { ["TVM_HOME"] = Fixture }));
        result.ExitCode.ShouldBe(0, result.ToString());
        var expected = BashShBase("/work");
        expected.AddRange([
            "--net=host", "--name", "foo", "--hostname", "foo", "--env", "FOO=bar", "--env", "BAZ=qux",
            "--volume", $"{data}:{data}", "--env", "LD_LIBRARY_PATH=/work/build-x", "--privileged", "--cpus", "2",
            "--volume", "/a:/b", Image, .. WithTheSameUser.Split(' '), "make", "-j2"]);
        ShouldBeSameArgv(docker.Runs.Single(), expected);
    }

    [Fact]
    public void A_full_image_name_is_used_as_given()
    {
        var docker = new FakeDocker();
        Run(["DevShell", "--docker", "tlcpack/ci-cpu:v0.1", "--", "true"],
            docker.Environment(new() { ["TVM_HOME"] = Fixture })).ExitCode.ShouldBe(0);
        docker.Runs.Single().ShouldContain("tlcpack/ci-cpu:v0.1");
        docker.Runs.Single().ShouldContain("CI_IMAGE_NAME=tlcpack/ci-cpu:v0.1");
    }

    [Fact]
    public void Compile_in_docker_mode_runs_each_command_in_the_image()
    {
        var docker = new FakeDocker();
        var result = Run(["Compile", "--tvm-home", Fixture, "--docker", "ci_cpu", "--build-dir", "build-docker-test"],
            docker.Environment());
        result.ExitCode.ShouldBe(0, result.ToString());
        docker.Runs.Count.ShouldBe(2);
        var build = $"{Fixture}/build-docker-test";
        ShouldBeSameArgv(docker.Runs[0], [.. BashShBase(Fixture), Image, .. WithTheSameUser.Split(' '),
            "cmake", "-S", Fixture, "-B", build, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=RelWithDebInfo"]);
        docker.Runs[1].ShouldContain("--build");
        File.Exists($"{build}/config.cmake").ShouldBeTrue("the host writes config.cmake into the mounted tree");
        Directory.Delete(build, recursive: true);
    }

    [Fact]
    public void Compile_dry_run_prints_the_docker_commands_ready_to_paste()
    {
        var docker = new FakeDocker();
        var result = Run(["Compile", "--tvm-home", Fixture, "--docker", "ci_cpu", "--dry-run", "--build-dir",
            "build-docker-dry"], docker.Environment());
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain($"docker run --workdir {Fixture} --rm --pid=host --cidfile ");
        result.Output
            .ShouldContain($"{Image} bash --login /docker/with_the_same_user cmake --build " +
                $"{Fixture}/build-docker-dry --parallel ");
        docker.Runs.ShouldBeEmpty();
    }

    [Fact]
    public void Under_jenkins_the_tree_is_mounted_at_workspace_and_paths_follow()
    {
        var docker = new FakeDocker();
        var result = Run(["Compile", "--tvm-home", Fixture, "--docker", "ci_cpu", "--dry-run", "--build-dir",
            "build-j"], docker.Environment(new() { ["JENKINS_HOME"] = "/var/jenkins" }));
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain($"--volume {Fixture}:/workspace");
        result.Output.ShouldContain("cmake -S /workspace -B /workspace/build-j -G Ninja");
    }

    [Fact]
    public void Sccache_settings_follow_the_build_into_the_image()
    {
        var result = Run(["Compile", "--tvm-home", Fixture, "--docker", "ci_cpu", "--dry-run", "--build-dir",
            "build-s"],
            new FakeDocker().Environment(new()
            {
                ["SCCACHE_BUCKET"] = "tvm-sccache-prod",
                ["SCCACHE_REGION"] = "us-west-2"
            }));
        result.Output.ShouldContain("--env SCCACHE_BUCKET=tvm-sccache-prod --env SCCACHE_REGION=us-west-2");
    }

    [Fact]
    public void The_default_preset_follows_the_image()
    {
        var result = Run(["Configure", "--tvm-home", Fixture, "--docker", "ci_wasm", "--config-only", "--dry-run"],
            new FakeDocker().Environment());
        result.Output.ShouldContain($"# would write {Fixture}/build-wasm/config.cmake (preset wasm");
    }

    [Fact]
    public void The_environment_bash_sh_reads_is_honoured()
    {
        var docker = new FakeDocker();
        var existing = TempDirectory();
        Run(["DevShell", "--tvm-home", Fixture, "--docker", "ci_cpu", "--", "true"], docker.Environment(new()
        {
            ["CUDA_VISIBLE_DEVICES"] = "1", ["CI_PYTEST_ADD_OPTIONS"] = "-x",
            ["TVM_DEV_DOCKER_MOUNTS"] = $"{existing} /nonexistent-mount /src:/dst",
            ["DOCKER_IS_ROOTLESS"] = "1",
        })).Output.ShouldContain("Mount source '/nonexistent-mount' not found on host, skipping.");
        var argv = docker.Runs.Single();
        argv.ShouldContain("CUDA_VISIBLE_DEVICES=1");
        argv.ShouldContain("CI_PYTEST_ADD_OPTIONS=-x");
        argv.ShouldContain($"{existing}:{existing}");
        argv.ShouldNotContain("/src:/dst"); // /src does not exist here either
        argv.ShouldNotContain("--pid=host"); // rootless
        argv.ShouldNotContain("/docker/with_the_same_user");
        argv[^2..].ShouldBe([Image, "true"]);
    }

    [Fact]
    public void A_value_with_spaces_stays_one_argument()
    {
        var docker = new FakeDocker();
        Run(["DevShell", "--tvm-home", Fixture, "--docker", "ci_cpu", "--env", "FOO=a b; c", "--", "echo", "x  y"],
            docker.Environment()).ExitCode.ShouldBe(0);
        docker.Runs.Single().ShouldContain("FOO=a b; c");
        docker.Runs.Single()[^1].ShouldBe("x  y");
    }

    [Fact]
    public void The_2022_layout_reads_images_from_its_jenkinsfile_and_rejects_options_its_bash_sh_lacks()
    {
        var tree = Trees.CopyFixtureAsV090();
        Directory.Delete(Path.Combine(tree, "ci"), recursive: true);
        File.WriteAllText(Path.Combine(tree, "Jenkinsfile"),
            "// NOTE: these lines are scanned by docker/dev_common.sh. Please update the regex as needed. " +
                "-->\nci_cpu = 'tlcpack/ci-cpu:v0.9-fixture'\n// <--- End of regex-scanned config.\n");
        var docker = new FakeDocker();
        var ok = Run(["DevShell", "--tvm-home", tree, "--docker", "ci_cpu", "--", "true"],
            docker.Environment(new() { ["DOCKER_IS_ROOTLESS"] = "1" }));
        ok.ExitCode.ShouldBe(0, ok.ToString());
        docker.Runs.Single().ShouldContain("tlcpack/ci-cpu:v0.9-fixture");
        docker.Runs.Single().ShouldContain("--pid=host"); // v0.9.0 always adds it and always maps the user
        docker.Runs.Single().ShouldContain("/docker/with_the_same_user");

        var bad = Run(["DevShell", "--tvm-home", tree, "--docker", "ci_cpu", "--privileged", "--shell", "zsh", "--",
            "true"], new FakeDocker().Environment());
        bad.ExitCode.ShouldBe(255);
        bad.Output.ShouldContain("docker/bash.sh at v0.9.0 has no --shell, --privileged option.");
    }

    [Theory]
    [InlineData(new[] { "DevShell", "--docker", "ci_cpux", "--", "true" }, "Unknown image shortcut 'ci_cpux'.",
        "Did you mean 'ci_cpu'? Known in ci/jenkins/docker-images.ini: ci_arm, ci_cpu, ci_gpu, ci_lint, ci_wasm; or " +
            "give a full image name.")]
    [InlineData(new[] { "DevShell", "--", "true" }, "Missing parameter --docker.",
        "environment variable TVM_BUILD_DOCKER")]
    [InlineData(new[] { "Clean", "--docker", "ci_cpu" },
        "Clean has nothing to run in a container; drop --docker for it.", "")]
    [InlineData(new[] { "DevShell", "--docker", "ci_cpu", "--mount", "/nonexistent-dir", "--", "true" },
        "--mount /nonexistent-dir: no such file or folder on this machine.", "")]
    public void Bad_docker_input_is_one_clear_line(string[] args, string message, string hint)
    {
        var result = Run([args[0], "--tvm-home", Fixture, .. args[1..]], new FakeDocker().Environment());
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain(message);
        result.Output.ShouldContain(hint);
        result.Output.ShouldNotContain("   at ");
    }

    [Fact]
    public void A_missing_docker_cli_says_what_to_install()
    {
        var result = Run(["DevShell", "--tvm-home", Fixture, "--docker", "ci_cpu", "--", "true"],
            new() { ["DOCKER_EXE"] = "/nonexistent/docker" });
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain("DOCKER_EXE names /nonexistent/docker, which does not exist.");
        result.Output.ShouldContain("apt-get install docker.io");
    }

    [Fact]
    public void An_unreachable_daemon_shows_dockers_message_and_a_hint()
    {
        var docker = new FakeDocker();
        var result = Run(["Compile", "--tvm-home", Fixture, "--docker", "ci_cpu", "--build-dir", "build-daemon"],
            docker.Environment(new()
            {
                ["FAKE_DOCKER_EXIT"] = "125",
                ["FAKE_DOCKER_MESSAGE"] = "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is " +
                    "the docker daemon running?",
            }));
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain("Cannot connect to the Docker daemon");
        result.Output.ShouldContain("start its daemon, or use --docker-cli podman");
        Directory.Delete($"{Fixture}/build-daemon", recursive: true);
    }

}
