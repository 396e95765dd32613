using Serilog;
using TvmBuild.Docker;
using TvmBuild.Engine;
using TvmBuild.Tools;

/// <summary>docker/bash.sh as a target (DevShell), and docker mode: with --docker, every target's commands run in
/// the CI image.</summary>
interface IDocker : IHazTvm
{
    [Parameter("DevShell: keep stdin open (--interactive).")]
    bool Interactive => TryGetValue<bool?>(() => Interactive) ?? false;

    [Parameter("DevShell: allocate a terminal (--tty).")]
    bool Tty => TryGetValue<bool?>(() => Tty) ?? false;

    [Parameter("DevShell: Jupyter in the container on this port (bare: 8888), published on 127.0.0.1, and its URL " +
               "printed; with a command after --, the port is published for it.", ValueOptional = true,
        For = [nameof(DevShell)])]
    string? Jupyter => TryGetValue(() => Jupyter);

    /// <summary>--jupyter's port, or null without it.</summary>
    int? JupyterPort => Jupyter switch
    {
        null => null,
        "" => 8888,
        var text when int.TryParse(text, out var port) && port is > 0 and < 65536 => port,
        var text => throw new BuildFailure($"--jupyter '{text}' is not a port.",
            "Give a port from 1 to 65535, e.g. --jupyter 8888, or --jupyter alone for 8888."),
    };

    [Parameter("DevShell: the shell of an interactive session, instead of bash.")]
    string? Shell => TryGetValue(() => Shell);

    Target DevShell => _ => _
        .Description("docker/bash.sh: a login shell (or the command after --) in --docker IMAGE, as the same user")
        .Needs(Requirements.ContainerEngine)
        .Requires(() => Docker)
        .TakesArguments()
        .Executes(() =>
        {
            CheckBashShOptions(devShell: true);
            var warnings = new List<string>();
            var cid = TemporaryDirectory / $"devshell-{Environment.ProcessId}.cid";
            var jupyter = JupyterPort;
            IReadOnlyList<string> command = jupyter is { } port && RemainingArguments.Count == 0
                ? ["jupyter", "notebook", "--ip=0.0.0.0", $"--port={port}", "--no-browser"]
                : RemainingArguments;
            var options = ContainerOptions(command) with
            {
                Interactive = Interactive,
                Tty = Tty,
                Shell = Shell,
                BuildDirectory = BuildDir,
                CidFile = cid,
                Publish = jupyter,
            };
            if (jupyter is not null)
                Log.Information("Jupyter: http://127.0.0.1:{Port}/ (the token is in its log below; Ctrl-C stops it)",
                    jupyter);
            var argv = DockerRun.Argv(options, MachineFacts.Read(Runner, options, DockerCliName), warnings);
            foreach (var warning in warnings) Log.Warning("{Warning}", warning);
            try
            {
                var exitCode = Runner.RunAttached(new Command(argv[0], argv.Skip(1).ToList()));
                if (exitCode == 0) return;
                ExitCode = exitCode;
                throw new BuildFailure($"The command in the container exited with code {exitCode}.",
                    exitCode == 125
                        ? $"125 is {DockerCliName}'s own failure: is its daemon running (see its message above)? " +
                          "Without a Docker engine, try --docker-cli podman."
                        : null);
            }
            finally
            {
                CidFiles.RemoveContainer(Runner, DockerCliName, cid);
            }
        });

    /// <summary>bash.sh's options and defaults for this tree, with the options every container gets; DevShell and
    /// docker mode add to them.</summary>
    DockerRunOptions ContainerOptions(IReadOnlyList<string> command) => new()
    {
        Cli = DockerExecutable,
        Dialect = Layout.BashSh,
        RepoDirectory = TvmRoot,
        Image = DockerImages.Resolve(TvmRoot, Layout.Images, Docker!),
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
            var failure = new BuildFailure($"--mount {directory}: no such file or folder on this machine.",
                "Mount an existing path.");
            if (!Runner.DryRun) throw failure;
            Log.Warning("{Failure}", failure.Message); // --dry-run still prints the command
        }
        if (Layout.BashSh != TvmBuild.Tvm.BashShDialect.Classic) return;
        var unsupported = new (bool Given, string Option)[]
        {
            (Shell is not null, "--shell"), (Cpus is not null, "--cpus"),
            (Net is not null && Net != "host", "--net <network>"),
            (Privileged, "--privileged"), (Volume.Length > 0, "--volume"),
            (devShell && BuildDir is not null, "--build-dir"),
        }.Where(o => o.Given).Select(o => o.Option).ToList();
        if (unsupported.Count > 0)
            throw new BuildFailure($"docker/bash.sh at {Layout.Name} has no {string.Join(", ", unsupported)} option.",
                "That tree's bash.sh takes -i, -t, --net=host, --mount, --name, --env, --dry-run, --no-gpu, " +
                "--repo-mount-point.");
    }

    /// <summary>Docker mode, set up once before any target runs (Build.ConfigureRunner): with --docker, the runner runs
    /// every command in the image, as docker/bash.sh starts it, when a planned target needs something of the
    /// image.</summary>
    ProcessRunner ContainerRunner(ProcessRunner runner)
    {
        if (Docker is null)
        {
            WarnContainerOptionsUnused();
            return runner;
        }
        if (!ExecutionPlan.Any(t => t.Status != ExecutionStatus.Skipped && t.Needs.Any(n => n.InImage))) return runner;
        if (Docker.Length == 0)
            throw new BuildFailure("--docker needs an image here, e.g. --docker ci_cpu.",
                "Only CiTask takes a bare --docker (the task's own image).");
        CheckBashShOptions(devShell: false);
        var options = ContainerOptions([]);
        var host = MachineFacts.Read(runner, options, DockerCliName);
        if (BuildDirectory is var build && !TvmRoot.Contains(build))
            options = options with { Volumes = [.. options.Volumes, $"{build}:{build}"] };
        Log.Information("Docker mode: commands run in {Image} ({Cli})", options.Image, DockerCliName);
        if (!runner.DryRun) EnsureImage(options.Image);
        return runner.WithWrapper(new ContainerWrapper(options, host, TemporaryDirectory, runner));
    }

    /// <summary>The image is on this machine, or pulled now; else one line says which image is missing and how to get
    /// it (the container engine's own error would come out of the first command, as if that command had
    /// failed).</summary>
    void EnsureImage(string image)
    {
        if (PulledImage(image) is not (null, var reason)) return;
        var type = Docker!.StartsWith("ci_") ? Docker : "<type>";
        throw new BuildFailure($"The image {image} (--docker {Docker}) is not on this machine and could not be pulled" +
            (reason is null ? "." : $": {reason}"),
            $"Pull it ({DockerCliName} pull {image}), or build it from the tree's docker/Dockerfile.{type}: " +
            $"./build.sh BuildImage --image {type}" +
            (DockerCliName == "docker" ? " (--docker-cli podman where no docker daemon runs)." : "."));
    }

    /// <summary>Container options typed without --docker change nothing, unless a target starts its own
    /// container.</summary>
    void WarnContainerOptionsUnused()
    {
        if (ExecutionPlan.Any(t => t.Name is "DevShell" or "BuildImage" && t.Status != ExecutionStatus.Skipped)) return;
        var given = AllParameters
            .Where(p => p.Member.DeclaringType == typeof(IHazDocker)
                        && p.MemberName is not (nameof(Docker) or nameof(DockerCli)))
            .Where(Parameters.IsOnCommandLine).Select(p => p.CliName).ToList();
        if (given.Count > 0)
            Log.Warning("{Options} apply to containers; without --docker they have no effect",
                string.Join(", ", given));
    }
}
