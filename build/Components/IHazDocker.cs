using Serilog;
using TvmBuild.Engine;

/// <summary>Data only: the CI image commands run in (docker mode), the CLI that runs it, and the options every
/// container gets (DevShell's and docker mode's alike), as docker/bash.sh names them.</summary>
interface IHazDocker : INukeBuild
{
    [Parameter("Runs the targets' commands inside this CI image: a shortcut (ci_cpu, ci_gpu, ...) or a full image " +
        "name; bare, for CiTask: the task's own image.", ValueOptional = true)]
    string? Docker => TryGetValue(() => Docker);

    [Parameter("The container CLI.")]
    DockerCli DockerCli => TryGetValue<DockerCli?>(() => DockerCli) ?? DockerCli.Docker;

    [Parameter("Containers: 'host' shares the host's network (bash.sh --net=host); " +
               "another value names a docker network.")]
    string? Net => TryGetValue(() => Net);

    [Parameter("Containers: host folders to mount at the same path (repeatable).")]
    string[] Mount => TryGetValue(() => Mount) ?? [];

    [Parameter("Containers: environment variables, KEY=VALUE (repeatable).", Name = "env")]
    string[] ContainerEnvironment => TryGetValue(() => ContainerEnvironment) ?? [];

    [Parameter("Containers: where the TVM tree is mounted (default: its host path; /workspace under Jenkins).")]
    string? RepoMountPoint => TryGetValue(() => RepoMountPoint);

    [Parameter("Containers: their name and hostname (bash.sh's --name; CiTask names them ci-<task>-<5 letters>, " +
        "as ci.py does).")]
    string? ContainerName => TryGetValue(() => ContainerName);

    [Parameter("Containers: give them extended privileges.")]
    bool Privileged => TryGetValue<bool?>(() => Privileged) ?? false;

    [Parameter("Containers: limit their CPUs.")]
    string? Cpus => TryGetValue(() => Cpus);

    [Parameter("Containers: extra docker volumes, SRC:DST (repeatable).")]
    string[] Volume => TryGetValue(() => Volume) ?? [];

    [Parameter("Containers: no GPU drivers, even for a CUDA image.")]
    bool NoGpu => TryGetValue<bool?>(() => NoGpu) ?? false;

    string DockerCliName => DockerCli.ToString().ToLowerInvariant();

    /// <summary>The CLI on this machine (a name only under --dry-run, which needs no engine).</summary>
    string DockerExecutable => Runner.DryRun ? DockerCliName
        : ToolResolver.Find(DockerCliName, DockerCli == global::DockerCli.Podman
            ? "Install it: apt-get install podman runc."
            : "Install it: apt-get install docker.io (the CLI is enough to print commands), " +
              "or use --docker-cli podman.");

    /// <summary>The image's id on this machine, pulled first when the engine does not have it (not under --dry-run);
    /// or, when it cannot be had, no id and the engine's last line about it. Asked once per run: docker mode and the
    /// result cache's keys share the answer.</summary>
    (string? Id, string? Problem) PulledImage(string image) => Session.GetOrAdd(("pulled-image", image), () =>
    {
        if (ToolResolver.TryFind(DockerCliName) is not { } cli)
            return ((string?)null, (string?)$"'{DockerCliName}' was not found on PATH");
        string? Id() => Runner.OnHost.Probe(new Command(cli, ["image", "inspect", "--format", "{{.Id}}", image]),
            RunOptions.MayFail) is { ExitCode: 0 } found ? found.Output.Trim() : null;
        if (Id() is { } id) return (id, null);
        if (Runner.DryRun) return (null, "not pulled under --dry-run");
        Log.Information("Pulling {Image}", image);
        var pull = Runner.OnHost.Probe(new Command(cli, ["pull", image]), RunOptions.MayFail);
        if (pull.ExitCode == 0 && Id() is { } pulled) return (pulled, null);
        return (null, pull.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim());
    });

    /// <summary>For targets that have nothing to run in a container.</summary>
    string? NotInContainer(string target) =>
        Docker is null ? null : $"{target} has nothing to run in a container; drop --docker for it.";
}
