using Xunit;

namespace TvmBuild.Tests.Support;

/// <summary>A fact that needs a real TVM checkout: skipped, visibly, without TVM_HOME.</summary>
public sealed class RealTvmFactAttribute : FactAttribute
{
    public RealTvmFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("TVM_HOME")))
            Skip = "needs a real TVM checkout: set TVM_HOME (e.g. a clone of apache/tvm at main or v0.9.0)";
    }
}

/// <summary>A fact that needs a tool this machine may lack: skipped, visibly, naming how to get it.</summary>
public sealed class RequiresToolFactAttribute : FactAttribute
{
    public RequiresToolFactAttribute(string tool, string install)
    {
        if (Which(tool) is null) Skip = $"needs {tool}: {install}";
    }

    public static string? Which(string tool) =>
        tool.Contains('/')
            ? (File.Exists(Path.Combine(Support.BuildScript.RepoRoot, tool)) || File.Exists(tool) ? tool : null)
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, tool))
                .FirstOrDefault(File.Exists);
}

/// <summary>A fact that needs a private mount namespace (root, or a sandbox that allows it): skipped, visibly,
/// elsewhere.</summary>
public sealed class RequiresMountNamespaceFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Available = new(() =>
        RequiresToolFactAttribute.Which("unshare") is not null
        && Processes.Run("unshare", ["-m", "sh", "-c", "mount -t tmpfs -o size=4k tmpfs /mnt"]).Code == 0);

    public RequiresMountNamespaceFactAttribute()
    {
        if (!Available.Value)
            Skip = "needs mount namespaces (unshare -m, as root): the fault tests mount a read-only or full disk";
    }
}
