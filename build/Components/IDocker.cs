using Serilog;
using TvmBuild.Docker;
using TvmBuild.Engine;

/// <summary>docker/bash.sh as a target (DevShell), and docker mode: with --docker, every target's commands run in the CI image.</summary>
interface IDocker : IHazTvm
{
    [Parameter("DevShell: keep stdin open (--interactive).", EnvironmentVariable = "TVM_DOCKER_INTERACTIVE")]
    bool Interactive => TryGetValue<bool?>(() => Interactive) ?? false;

    [Parameter("DevShell: allocate a terminal (--tty).", EnvironmentVariable = "TVM_DOCKER_TTY")]
    bool Tty => TryGetValue<bool?>(() => Tty) ?? false;

    [Parameter("DevShell: 'host' shares the host's network (bash.sh --net=host); another value names a docker network.", EnvironmentVariable = "TVM_DOCKER_NET")]
    string? Net => TryGetValue(() => Net);

    [Parameter("DevShell: host folders to mount at the same path (repeatable).", EnvironmentVariable = "TVM_DOCKER_MOUNT")]
    string[] Mount => TryGetValue(() => Mount) ?? [];

    [Parameter("DevShell: environment variables for the container, KEY=VALUE (repeatable).", Name = "env", EnvironmentVariable = "TVM_DOCKER_ENV")]
    string[] ContainerEnvironment => TryGetValue(() => ContainerEnvironment) ?? [];

    [Parameter("DevShell: the container's name and hostname.", Name = "name", EnvironmentVariable = "TVM_DOCKER_NAME")]
    string? ContainerName => TryGetValue(() => ContainerName);

    [Parameter("Where the TVM tree is mounted in the container (default: its host path; /workspace under Jenkins).", EnvironmentVariable = "TVM_DOCKER_REPO_MOUNT_POINT")]
    string? RepoMountPoint => TryGetValue(() => RepoMountPoint);

    [Parameter("DevShell: give the container extended privileges.", EnvironmentVariable = "TVM_DOCKER_PRIVILEGED")]
    bool Privileged => TryGetValue<bool?>(() => Privileged) ?? false;

    [Parameter("DevShell: the shell of an interactive session, instead of bash.", EnvironmentVariable = "TVM_DOCKER_SHELL")]
    string? Shell => TryGetValue(() => Shell);

    [Parameter("DevShell: limit the container's CPUs.", EnvironmentVariable = "TVM_DOCKER_CPUS")]
    string? Cpus => TryGetValue(() => Cpus);

    [Parameter("DevShell: extra docker volumes, SRC:DST (repeatable).", EnvironmentVariable = "TVM_DOCKER_VOLUME")]
    string[] Volume => TryGetValue(() => Volume) ?? [];

    [Parameter("Do not use GPU drivers, even for a CUDA image.", EnvironmentVariable = "TVM_DOCKER_NO_GPU")]
    bool NoGpu => TryGetValue<bool?>(() => NoGpu) ?? false;

    Target DevShell => _ => _
        .Description("docker/bash.sh: a login shell (or the command after --) in --docker IMAGE, as the same user")
        .Requires(() => Docker)
        .Executes(() =>
        {
            CheckBashShOptions();
            var warnings = new List<string>();
            var cid = TemporaryDirectory / $"devshell-{Environment.ProcessId}.cid";
            var options = RunOptions(RemainingArguments) with
            {
                Interactive = Interactive, Tty = Tty, Net = Net, Mounts = Mount, Environment = ContainerEnvironment, Volumes = Volume,
                Name = ContainerName, Privileged = Privileged, Shell = Shell, Cpus = Cpus, BuildDirectory = BuildDir, CidFile = cid,
            };
            var argv = DockerRun.Argv(options, DockerHosts.Current(options, DockerCliName), warnings);
            foreach (var warning in warnings) Log.Warning("{Warning}", warning);
            try
            {
                var exitCode = ProcessTasks.RunAttached(new Command(argv[0], argv.Skip(1).ToList()));
                if (exitCode == 0) return;
                ExitCode = exitCode;
                throw new BuildFailure($"The command in the container exited with code {exitCode}.",
                    exitCode == 125 ? $"125 is {DockerCliName}'s own failure: is its daemon running (see its message above)? Without a Docker engine, try --docker-cli podman." : null);
            }
            finally
            {
                DockerHosts.RemoveContainer(DockerCliName, cid);
            }
        });

    /// <summary>bash.sh's options and defaults for this tree; DevShell and docker mode add to them.</summary>
    DockerRunOptions RunOptions(IReadOnlyList<string> command)
    {
        return new DockerRunOptions
        {
            Cli = DockerExecutable,
            Layout = Layout.Name,
            RepoDirectory = TvmRoot,
            Image = DockerImages.Resolve(TvmRoot, Docker!),
            RepoMountPoint = RepoMountPoint,
            NoGpu = NoGpu,
            Command = command,
        };
    }

    /// <summary>An option bash.sh at this ref does not have is an error, not silently ignored.</summary>
    void CheckBashShOptions()
    {
        foreach (var directory in Mount.Where(d => !Directory.Exists(d) && !File.Exists(d)))
        {
            var failure = new BuildFailure($"--mount {directory}: no such file or folder on this machine.", "Mount an existing path.");
            if (!ProcessTasks.DryRun) throw failure;
            Log.Warning("{Failure}", failure.Message); // --dry-run still prints the command
        }
        if (Layout.Name != "v0.9.0") return;
        var unsupported = new (bool Given, string Option)[]
        {
            (Shell is not null, "--shell"), (Cpus is not null, "--cpus"), (Net is not null && Net != "host", "--net <network>"),
            (Privileged, "--privileged"), (Volume.Length > 0, "--volume"), (BuildDir is not null, "--build-dir"),
        }.Where(o => o.Given).Select(o => o.Option).ToList();
        if (unsupported.Count > 0)
            throw new BuildFailure($"docker/bash.sh at v0.9.0 has no {string.Join(", ", unsupported)} option.",
                "That tree's bash.sh takes -i, -t, --net=host, --mount, --name, --env, --dry-run, --no-gpu, --repo-mount-point.");
    }

    /// <summary>Docker mode, set up before any target runs (Build.OnBuildInitialized).</summary>
    void EnterContainerMode()
    {
        string[] ownDocker = ["DevShell", "BuildImage", "ClearStaleImages", "CiTask", "GenerateCi"]; // these start containers (or builds) themselves
        if (Docker is null || ExecutionPlan.All(t => ownDocker.Contains(t.Name) || t.Status == ExecutionStatus.Skipped)) return;
        var options = RunOptions([]);
        var host = DockerHosts.Current(options, DockerCliName);
        if (BuildDirectory is var build && !TvmRoot.Contains(build))
            options = options with { Volumes = [$"{build}:{build}"] };
        ToolResolver.InContainer = true;
        ProcessTasks.Wrapper = new ContainerWrapper(options, host, TemporaryDirectory);
        Log.Information("Docker mode: commands run in {Image} ({Cli})", options.Image, DockerCliName);
    }
}
