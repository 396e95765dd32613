namespace TvmBuild.Tests.Support;

/// <summary>A script a test started and may signal while it runs
/// (named as System.Diagnostics.Process names them).</summary>
public sealed record RunningScript(int Id, Func<bool> Exited)
{
    public bool HasExited => Exited();
}
