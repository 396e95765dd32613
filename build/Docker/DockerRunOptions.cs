using TvmBuild.Engine;
using TvmBuild.Tvm;

namespace TvmBuild.Docker;

/// <summary>What docker/bash.sh is told: its options, plus the environment it reads.</summary>
public sealed record DockerRunOptions
{
    public required string Cli { get; init; }
    public required BashShDialect Dialect { get; init; }
    public required AbsolutePath RepoDirectory { get; init; }
    public required string Image { get; init; }
    public string? RepoMountPoint { get; init; }
    public bool Interactive { get; init; }
    public bool Tty { get; init; }
    public string? Net { get; init; }
    public IReadOnlyList<string> Mounts { get; init; } = [];
    public IReadOnlyList<string> Environment { get; init; } = [];
    public IReadOnlyList<string> Volumes { get; init; } = [];
    public string? Name { get; init; }
    public bool Privileged { get; init; }
    public string? Shell { get; init; }
    public string? Cpus { get; init; }
    public bool NoGpu { get; init; }
    public string? BuildDirectory { get; init; }
    /// <summary>A port of the container published on this machine's loopback (DevShell --jupyter).</summary>
    public int? Publish { get; init; }
    /// <summary>Empty: bash.sh's default, an interactive bash.</summary>
    public IReadOnlyList<string> Command { get; init; } = [];
    /// <summary>Docker mode: the command's working directory in the container (bash.sh always uses the mount
    /// point).</summary>
    public string? Workdir { get; init; }
    /// <summary>Bookkeeping of ours, not bash.sh's: docker writes the container id here, so Ctrl-C can remove
    /// it.</summary>
    public string? CidFile { get; init; }
}
