using TvmBuild.Engine;

enum DockerCli { Docker, Podman }

/// <summary>Data only: the CI image commands run in (docker mode) and the CLI that runs it.</summary>
interface IHazDocker : INukeBuild
{
    [Parameter("Runs the targets' commands inside this CI image: a shortcut (ci_cpu, ci_gpu, ...) or a full image name.",
        EnvironmentVariable = "TVM_DOCKER")]
    string? Docker => TryGetValue(() => Docker);

    [Parameter("The container CLI.")]
    DockerCli DockerCli => TryGetValue<DockerCli?>(() => DockerCli) ?? DockerCli.Docker;

    string DockerCliName => DockerCli.ToString().ToLowerInvariant();

    /// <summary>The CLI on this machine (a name only under --dry-run, which needs no engine).</summary>
    string DockerExecutable => ProcessTasks.DryRun ? DockerCliName
        : ToolResolver.Find(DockerCliName, DockerCli == global::DockerCli.Podman
            ? "Install it: apt-get install podman runc."
            : "Install it: apt-get install docker.io (the CLI is enough to print commands), or use --docker-cli podman.");

    /// <summary>For targets that have nothing to run in a container.</summary>
    string? NotInContainer(string target) =>
        Docker is null ? null : $"{target} has nothing to run in a container; drop --docker (or TVM_DOCKER) for it.";
}
