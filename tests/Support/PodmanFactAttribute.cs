namespace TvmBuild.Tests.Support;

/// <summary>A fact that needs podman to run containers: skipped, visibly, where it cannot.</summary>
public sealed class PodmanFactAttribute : Xunit.FactAttribute
{
    public PodmanFactAttribute()
    {
        if (Podman.WhyUnavailable is { } why) Skip = why;
    }
}
