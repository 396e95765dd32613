using TvmBuild.Engine;
using TvmBuild.Tvm;

namespace TvmBuild.Docker;

/// <summary>The facts of this machine that docker/bash.sh reads.</summary>
public static class DockerHosts
{
    private static readonly string[] IcdLocations =
    [
        "/usr/local/etc/vulkan/icd.d", "/usr/local/share/vulkan/icd.d", "/etc/vulkan/icd.d", "/usr/share/vulkan/icd.d",
        "/etc/glvnd/egl_vendor.d", "/usr/share/glvnd/egl_vendor.d",
    ];

    public static DockerHost Current(ProcessRunner runner, DockerRunOptions options, string cli) => new(
        Environment.GetEnvironmentVariable,
        Identity(runner),
        Rootless(runner, options, cli),
        path => File.Exists(path) || Directory.Exists(path),
        path => Directory.Exists(path)
                && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & UnixFileMode.UserWrite) != 0),
        ToolResolver.TryFind("nvidia-docker") is not null,
        IcdLocations.Where(Directory.Exists)
            .SelectMany(directory => Directory.EnumerateFiles(directory, "*nvidia*.json", SearchOption.AllDirectories))
            .Order().ToList(),
        GitCommonDirectory(runner, options.RepoDirectory));

    /// <summary>Removes the container named by a --cidfile, if docker wrote one (after Ctrl-C or a killed
    /// client).</summary>
    public static void RemoveContainer(ProcessRunner runner, string cli, string cidFile)
    {
        if (File.Exists(cidFile) && File.ReadAllText(cidFile).Trim() is { Length: > 0 } id && !runner.DryRun)
            runner.OnHost.Probe(new Command(cli, "rm", "--force", id), RunOptions.MayFail);
        File.Delete(cidFile);
    }

    private static (int, string, int, string) Identity(ProcessRunner runner)
    {
        string Id(params string[] args) =>
            runner.OnHost.Probe(new Command("id", args)).Output.Trim();
        return (int.Parse(Id("-u")), Id("-u", "-n"), int.Parse(Id("-g")), Id("-g", "-n"));
    }

    /// <summary>bash.sh (main): DOCKER_IS_ROOTLESS set, or `docker info` says rootless.</summary>
    private static bool Rootless(ProcessRunner runner, DockerRunOptions options, string cli)
    {
        if (options.Dialect == BashShDialect.Classic) return false; // that bash.sh knows no rootless docker
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_IS_ROOTLESS"))) return true;
        if (runner.DryRun && ToolResolver.TryFind(cli) is null) return false;
        var info = runner.OnHost.Probe(new Command(cli, "info", "-f", "{{.SecurityOptions}}"), RunOptions.MayFail);
        return info.ExitCode == 0 && info.Output.Contains("rootless");
    }

    private static string? GitCommonDirectory(ProcessRunner runner, AbsolutePath repository)
    {
        if (!File.Exists(repository / ".git") || ToolResolver.TryFind("git") is not { } git) return null;
        var output = runner.OnHost.Probe(new Command(git, ["rev-parse", "--git-common-dir"], repository),
            RunOptions.MayFail);
        if (output.ExitCode != 0) return null;
        var directory = output.Output.Trim();
        return Path.IsPathRooted(directory) ? directory : Path.GetFullPath(Path.Combine(repository, directory));
    }
}
