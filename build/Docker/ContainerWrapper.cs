using System.Text.RegularExpressions;
using TvmBuild.Engine;

namespace TvmBuild.Docker;

/// <summary>Docker mode: every command a target runs becomes a <c>docker run</c> of the CI image, started the way
/// docker/bash.sh starts it (same user mapping, mounts and environment). One container per command: the CI images
/// carry no .NET, so the host orchestrates. Host paths under the TVM tree are rewritten to the mount point.</summary>
public sealed class ContainerWrapper(
    DockerRunOptions template, MachineFacts host, AbsolutePath temporary, ProcessRunner runner) : ICommandWrapper
{
    private readonly string _mount = DockerRun.MountPoint(template, host);
    private int _count;

    private static readonly string[] AwsCredentials =
        ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];

    private const string DaemonHint = "If docker itself failed (exit code 125, 'Cannot connect to the Docker daemon'): "
        + "start its daemon, or use --docker-cli podman.";

    public Command Wrap(Command command)
    {
        var cidFile = temporary / $"container-{Environment.ProcessId}-{Interlocked.Increment(ref _count)}.cid";
        File.Delete(cidFile);
        // sccache's own settings (bucket, region, server port) follow the build into the image, as ci.py passes them,
        // so a shared remote cache works in docker mode too.
        var sccache = Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => k.StartsWith("SCCACHE_"))
            .ToDictionary(k => k, k => Environment.GetEnvironmentVariable(k));
        var environment = sccache.Concat(command.Environment ?? new Dictionary<string, string?>())
            .GroupBy(p => p.Key).Select(g => g.Last())
            .Where(p => p.Value is not null)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={Translate(p.Value!)}");
        // With a bucket, sccache needs the AWS credentials: passed by name, so docker reads them from its own
        // environment and no secret appears in a command line.
        string[] credentials = command.Environment?.ContainsKey("SCCACHE_BUCKET") == true
            ? [.. AwsCredentials.Where(n => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(n)))] : [];
        var options = template with
        {
            Command = [Translate(command.Executable), .. command.Arguments.Select(Translate)],
            Environment = [.. template.Environment.Select(Translate), .. environment, .. credentials],
            Workdir = command.WorkingDirectory is null ? null : Translate(command.WorkingDirectory),
            CidFile = cidFile,
        };
        var argv = DockerRun.Argv(options, host);
        return new Command(argv[0], argv.Skip(1).ToList()) { FailureHint = DaemonHint };
    }

    public void Finished(Command wrapped, bool cancelled)
    {
        var index = wrapped.Arguments.ToList().IndexOf("--cidfile");
        if (index < 0) return;
        var cidFile = wrapped.Arguments[index + 1];
        if (cancelled) CidFiles.RemoveContainer(runner, wrapped.Executable, cidFile);
        else File.Delete(cidFile);
    }

    public string PathSeenInside(string path) => Translate(path);

    /// <summary>The TVM tree's host path becomes the mount point (only differs under Jenkins or with
    /// --repo-mount-point).</summary>
    public string Translate(string value) =>
        _mount == template.RepoDirectory
            ? value
            : Regex.Replace(value, Regex.Escape(template.RepoDirectory) + PathEnd, _mount);

    /// <summary>The tree's path ends a word: end of text, a path separator or a list separator follows.</summary>
    private const string PathEnd = @"(?=$|[/:;\s])";
}
