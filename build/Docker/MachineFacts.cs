using TvmBuild.Engine;
using TvmBuild.Tvm;

namespace TvmBuild.Docker;

/// <summary>The facts of this machine that docker/bash.sh reads (environment, user, files); a record so tests can pin
/// them.</summary>
public sealed record MachineFacts(
    Func<string, string?> Environment,
    (int Uid, string User, int Gid, string Group) Identity,
    bool Rootless,
    Func<string, bool> Exists,
    Func<string, bool> IsWritableDirectory,
    bool HasNvidiaDocker,
    IReadOnlyList<string> NvidiaIcdFiles,
    string? GitCommonDirectory)
{
    private static readonly string[] IcdLocations =
    [
        "/usr/local/etc/vulkan/icd.d", "/usr/local/share/vulkan/icd.d", "/etc/vulkan/icd.d", "/usr/share/vulkan/icd.d",
        "/etc/glvnd/egl_vendor.d", "/usr/share/glvnd/egl_vendor.d",
    ];

    public static MachineFacts Read(ProcessRunner runner, DockerRunOptions options, string cli) => new(
        System.Environment.GetEnvironmentVariable,
        ReadIdentity(runner),
        IsRootless(runner, options, cli),
        path => File.Exists(path) || Directory.Exists(path),
        path => Directory.Exists(path)
                && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & UnixFileMode.UserWrite) != 0),
        ToolResolver.TryFind("nvidia-docker") is not null,
        IcdLocations.Where(Directory.Exists)
            .SelectMany(directory => Directory.EnumerateFiles(directory, "*nvidia*.json", SearchOption.AllDirectories))
            .Order().ToList(),
        FindGitCommonDirectory(runner, options.RepoDirectory));

    private static (int, string, int, string) ReadIdentity(ProcessRunner runner)
    {
        string Id(params string[] args) =>
            runner.OnHost.Probe(new Command("id", args)).Output.Trim();
        return (int.Parse(Id("-u")), Id("-u", "-n"), int.Parse(Id("-g")), Id("-g", "-n"));
    }

    /// <summary>bash.sh (main): DOCKER_IS_ROOTLESS set, or `docker info` says rootless.</summary>
    private static bool IsRootless(ProcessRunner runner, DockerRunOptions options, string cli)
    {
        if (options.Dialect == BashShDialect.Classic) return false; // that bash.sh knows no rootless docker
        if (!string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("DOCKER_IS_ROOTLESS"))) return true;
        if (runner.DryRun && ToolResolver.TryFind(cli) is null) return false;
        var info = runner.OnHost.Probe(new Command(cli, "info", "-f", "{{.SecurityOptions}}"), RunOptions.MayFail);
        return info.ExitCode == 0 && info.Output.Contains("rootless");
    }

    private static string? FindGitCommonDirectory(ProcessRunner runner, AbsolutePath repository)
    {
        if (!File.Exists(repository / ".git") || ToolResolver.TryFind("git") is not { } git) return null;
        var output = runner.OnHost.Probe(new Command(git, ["rev-parse", "--git-common-dir"], repository),
            RunOptions.MayFail);
        if (output.ExitCode != 0) return null;
        var directory = output.Output.Trim();
        return Path.IsPathRooted(directory) ? directory : Path.GetFullPath(Path.Combine(repository, directory));
    }
}
