using Serilog;
using TvmBuild.Docker;
using TvmBuild.Engine;

/// <summary>docker/bash.sh as a target (DevShell), and docker mode: with --docker, every target's commands run in the CI image.</summary>
interface IDocker : IHazTvm
{
    [Parameter("DevShell: keep stdin open (--interactive).")]
    bool Interactive => TryGetValue<bool?>(() => Interactive) ?? false;

    [Parameter("DevShell: allocate a terminal (--tty).")]
    bool Tty => TryGetValue<bool?>(() => Tty) ?? false;

    [Parameter("DevShell: the shell of an interactive session, instead of bash.")]
    string? Shell => TryGetValue(() => Shell);

    Target DevShell => _ => _
        .Description("docker/bash.sh: a login shell (or the command after --) in --docker IMAGE, as the same user")
        .Requires(() => Docker)
        .Executes(() =>
        {
            CheckBashShOptions(devShell: true);
            var warnings = new List<string>();
            var cid = TemporaryDirectory / $"devshell-{Environment.ProcessId}.cid";
            var options = RunOptions(RemainingArguments) with
            {
                Interactive = Interactive, Tty = Tty, Shell = Shell, BuildDirectory = BuildDir, CidFile = cid,
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

    /// <summary>bash.sh's options and defaults for this tree, with the options every container gets; DevShell and
    /// docker mode add to them.</summary>
    DockerRunOptions RunOptions(IReadOnlyList<string> command) => new()
    {
        Cli = DockerExecutable,
        Layout = Layout.Name,
        RepoDirectory = TvmRoot,
        Image = DockerImages.Resolve(TvmRoot, Docker!),
        RepoMountPoint = RepoMountPoint,
        NoGpu = NoGpu,
        Net = Net,
        Mounts = Mount,
        Environment = ContainerEnvironment,
        Name = ContainerName,
        Volumes = Volume,
        Privileged = Privileged,
        Cpus = Cpus,
        Command = command,
    };

    /// <summary>An option bash.sh at this ref does not have is an error, not silently ignored.</summary>
    void CheckBashShOptions(bool devShell)
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
            (Privileged, "--privileged"), (Volume.Length > 0, "--volume"), (devShell && BuildDir is not null, "--build-dir"),
        }.Where(o => o.Given).Select(o => o.Option).ToList();
        if (unsupported.Count > 0)
            throw new BuildFailure($"docker/bash.sh at v0.9.0 has no {string.Join(", ", unsupported)} option.",
                "That tree's bash.sh takes -i, -t, --net=host, --mount, --name, --env, --dry-run, --no-gpu, --repo-mount-point.");
    }

    /// <summary>Docker mode, set up before any target runs (Build.OnBuildInitialized).</summary>
    void EnterContainerMode()
    {
        string[] ownDocker = ["DevShell", "BuildImage", "ClearStaleImages", "CiTask", "GenerateCi"]; // these start containers (or builds) themselves
        if (Docker is null)
        {
            WarnContainerOptionsUnused();
            return;
        }
        if (ExecutionPlan.All(t => ownDocker.Contains(t.Name) || t.Status == ExecutionStatus.Skipped)) return;
        if (Docker.Length == 0)
            throw new BuildFailure("--docker needs an image here, e.g. --docker ci_cpu.", "Only CiTask takes a bare --docker (the task's own image).");
        CheckBashShOptions(devShell: false);
        var options = RunOptions([]);
        var host = DockerHosts.Current(options, DockerCliName);
        if (BuildDirectory is var build && !TvmRoot.Contains(build))
            options = options with { Volumes = [.. options.Volumes, $"{build}:{build}"] };
        ToolResolver.InContainer = true;
        ProcessTasks.Wrapper = new ContainerWrapper(options, host, TemporaryDirectory);
        Log.Information("Docker mode: commands run in {Image} ({Cli})", options.Image, DockerCliName);
    }

    /// <summary>Container options typed without --docker change nothing, unless a target starts its own container.</summary>
    void WarnContainerOptionsUnused()
    {
        if (ExecutionPlan.Any(t => t.Name is "DevShell" or "BuildImage" && t.Status != ExecutionStatus.Skipped)) return;
        var given = ParameterCatalog.Of(GetType())
            .Where(p => p.Member.DeclaringType == typeof(IHazDocker) && p.MemberName is not (nameof(Docker) or nameof(DockerCli)))
            .Where(Parameters.IsOnCommandLine).Select(p => p.CliName).ToList();
        if (given.Count > 0)
            Log.Warning("{Options} apply to containers; without --docker they have no effect", string.Join(", ", given));
    }
}
