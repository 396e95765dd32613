using TvmBuild.Tvm;

namespace TvmBuild.Docker;

/// <summary>Builds the <c>docker run</c> argv exactly as docker/bash.sh at that ref would (main and v0.9.0
/// differ).</summary>
public static class DockerRun
{
    public static string MountPoint(DockerRunOptions options, MachineFacts host) =>
        options.RepoMountPoint
        ?? (host.Environment("JENKINS_HOME") is { Length: > 0 } ? "/workspace" : options.RepoDirectory);

    public static List<string> Argv(DockerRunOptions options, MachineFacts host, List<string>? warnings = null)
    {
        var main = options.Dialect == BashShDialect.RootlessAware; // TVM main's bash.sh; Classic is v0.9.0's
        var mount = MountPoint(options, host);
        var command = options.Command.Count == 0 ? new List<string> { "bash" } : [.. options.Command];
        var isBash = command is ["bash"];
        var interactive = options.Interactive || isBash;
        var tty = options.Tty || isBash;
        var netHost = options.Net == "host" || (!main && isBash);
        var flags = new List<string>();
        var env = new List<string>();
        var mounts = new List<string>();
        var devices = new List<string>();

        if (options.Cpus is not null) flags.AddRange(["--cpus", options.Cpus]);
        if (options.Net is not null and not "host") flags.AddRange(["--net", options.Net]);
        if (options.Privileged) flags.Add("--privileged");
        foreach (var volume in options.Volumes) flags.AddRange(["--volume", volume]);
        foreach (var variable in options.Environment) env.AddRange(["--env", variable]);
        if (options.BuildDirectory is not null)
            env.AddRange(["--env", $"LD_LIBRARY_PATH={mount}/{options.BuildDirectory}"]);

        flags.AddRange(["--workdir", options.Workdir ?? mount]);
        mounts.AddRange(["--volume", $"{options.RepoDirectory}:{mount}",
            "--volume", $"{options.RepoDirectory / "docker"}:/docker"]);
        if (main)
        {
            foreach (var directory in options.Mounts) mounts.AddRange(["--volume", $"{directory}:{directory}"]);
            var extraMounts = host.Environment("TVM_DEV_DOCKER_MOUNTS") ?? "";
            foreach (var spec in extraMounts.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var source = spec.Split(':')[0];
                if (!host.Exists(source))
                {
                    warnings?.Add($"Mount source '{source}' not found on host, skipping.");
                    continue;
                }
                mounts.AddRange(["--volume", spec.Contains(':') ? spec : $"{spec}:{spec}"]);
            }
            AddGitWorktree(options, host, mounts);
        }
        env.AddRange(
        [
            "--env", $"CI_BUILD_HOME={mount}",
            "--env", $"CI_BUILD_USER={host.Identity.User}",
            "--env", $"CI_BUILD_UID={host.Identity.Uid}",
            "--env", $"CI_BUILD_GROUP={host.Identity.Group}",
            "--env", $"CI_BUILD_GID={host.Identity.Gid}",
            "--env", $"CI_PYTEST_ADD_OPTIONS={host.Environment("CI_PYTEST_ADD_OPTIONS") ?? ""}",
            "--env", $"CI_IMAGE_NAME={options.Image}",
        ]);
        if (!main)
        {
            var data = host.Environment("TVM_DATA_ROOT_PATH") is { Length: > 0 } root
                ? root
                : $"{host.Environment("HOME")}/.tvm_test_data";
            if (host.IsWritableDirectory(data)) mounts.AddRange(["--volume", $"{data}:{mount}/.tvm_test_data"]);
        }

        flags.Add("--rm");
        if (!main || !host.Rootless) flags.Add("--pid=host");
        if (netHost) flags.Add("--net=host");
        // With the host's network the port is this machine's already.
        else if (options.Publish is { } port) flags.AddRange(["--publish", $"127.0.0.1:{port}:{port}"]);
        if (interactive) flags.Add("--interactive");
        if (tty) flags.Add("--tty");
        if (options.Name is not null) flags.AddRange(["--name", options.Name, "--hostname", options.Name]);
        if (options.CidFile is not null) flags.AddRange(["--cidfile", options.CidFile]);

        var binary = options.Cli;
        if (!main) foreach (var directory in options.Mounts) mounts.AddRange(["--volume", $"{directory}:{directory}"]);
        var gpu = !options.NoGpu && (options.Image.Contains("gpu") || options.Image.Contains("cuda"));
        if (main)
        {
            if (host.Environment("CUDA_VISIBLE_DEVICES") is { Length: > 0 } devicesVisible)
                env.AddRange(["--env", $"CUDA_VISIBLE_DEVICES={devicesVisible}"]);
            if (options.Image.Contains("ci")) env.AddRange(["--env", $"PYTHONPATH={mount}/python"]);
            if (gpu)
            {
                flags.AddRange(["--gpus", "all"]);
                env.AddRange(["--env", "NVIDIA_DRIVER_CAPABILITIES=compute,graphics,utility"]);
            }
        }
        else
        {
            if (gpu)
            {
                if (host.HasNvidiaDocker) binary = "nvidia-docker";
                else flags.AddRange(["--gpus", "all"]);
                env.AddRange(["--env", "NVIDIA_DRIVER_CAPABILITIES=compute,graphics,utility"]);
                foreach (var file in host.NvidiaIcdFiles) mounts.AddRange(["--volume", $"{file}:{file}:ro"]);
            }
            if (host.Environment("CUDA_VISIBLE_DEVICES") is { Length: > 0 } devicesVisible)
                env.AddRange(["--env", $"CUDA_VISIBLE_DEVICES={devicesVisible}"]);
            if (options.Image.Contains("ci")) env.AddRange(["--env", $"PYTHONPATH={mount}/python"]);
        }
        if (options.Image.Contains("rocm") && host.Exists("/dev/dri"))
        {
            devices.AddRange(["--device=/dev/kfd", "--device=/dev/dri"]);
            env.AddRange(["--env", "ROCM_ENABLED=1"]);
        }
        if (!main) AddGitWorktree(options, host, mounts);

        if (main && isBash && options.Shell is not null) command = [options.Shell];
        if (!main || !host.Rootless) command = ["bash", "--login", "/docker/with_the_same_user", .. command];
        return [binary, "run", .. flags, .. env, .. mounts, .. devices, options.Image, .. command];
    }

    private static void AddGitWorktree(DockerRunOptions options, MachineFacts host, List<string> mounts)
    {
        if (host.GitCommonDirectory is { } common && common != options.RepoDirectory / ".git")
            mounts.AddRange(["--volume", $"{common}:{common}"]);
    }
}
