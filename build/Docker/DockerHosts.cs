using TvmBuild.Engine;

namespace TvmBuild.Docker;

/// <summary>The facts of this machine that docker/bash.sh reads.</summary>
public static class DockerHosts
{
    private static readonly string[] IcdLocations =
        ["/usr/local/etc/vulkan/icd.d", "/usr/local/share/vulkan/icd.d", "/etc/vulkan/icd.d", "/usr/share/vulkan/icd.d", "/etc/glvnd/egl_vendor.d", "/usr/share/glvnd/egl_vendor.d"];

    public static DockerHost Current(DockerRunOptions options, string cli) => new(
        Environment.GetEnvironmentVariable,
        Identity(),
        Rootless(options, cli),
        path => File.Exists(path) || Directory.Exists(path),
        path => Directory.Exists(path) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & UnixFileMode.UserWrite) != 0),
        ToolResolver.TryFind("nvidia-docker") is not null,
        IcdLocations.Where(Directory.Exists).SelectMany(d => Directory.EnumerateFiles(d, "*nvidia*.json", SearchOption.AllDirectories)).Order().ToList(),
        GitCommonDirectory(options.RepoDirectory));

    /// <summary>Removes the container named by a --cidfile, if docker wrote one (after Ctrl-C or a killed client).</summary>
    public static void RemoveContainer(string cli, string cidFile)
    {
        if (File.Exists(cidFile) && File.ReadAllText(cidFile).Trim() is { Length: > 0 } id && !ProcessTasks.DryRun)
            ProcessTasks.Run(new Command(cli, "rm", "--force", id), allowFailure: true, probe: true, onHost: true);
        File.Delete(cidFile);
    }

    private static (int, string, int, string) Identity()
    {
        string Id(params string[] args) =>
            ProcessTasks.Run(new Command("id", args), probe: true, onHost: true).Output.Trim();
        return (int.Parse(Id("-u")), Id("-u", "-n"), int.Parse(Id("-g")), Id("-g", "-n"));
    }

    /// <summary>bash.sh (main): DOCKER_IS_ROOTLESS set, or `docker info` says rootless.</summary>
    private static bool Rootless(DockerRunOptions options, string cli)
    {
        if (options.Layout == "v0.9.0") return false;
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_IS_ROOTLESS"))) return true;
        if (ProcessTasks.DryRun && ToolResolver.TryFind(cli) is null) return false;
        var info = ProcessTasks.Run(new Command(cli, "info", "-f", "{{.SecurityOptions}}"), allowFailure: true, probe: true, onHost: true);
        return info.ExitCode == 0 && info.Output.Contains("rootless");
    }

    private static string? GitCommonDirectory(AbsolutePath repository)
    {
        if (!File.Exists(repository / ".git") || ToolResolver.TryFind("git") is not { } git) return null;
        var output = ProcessTasks.Run(new Command(git, ["rev-parse", "--git-common-dir"], repository), allowFailure: true, probe: true, onHost: true);
        if (output.ExitCode != 0) return null;
        var directory = output.Output.Trim();
        return Path.IsPathRooted(directory) ? directory : Path.GetFullPath(Path.Combine(repository, directory));
    }
}
