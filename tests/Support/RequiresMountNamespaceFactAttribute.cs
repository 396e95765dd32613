using Xunit;

namespace TvmBuild.Tests.Support;

/// <summary>A fact that needs a private mount namespace (root, or a sandbox that allows it):
/// skipped, visibly, elsewhere.</summary>
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
