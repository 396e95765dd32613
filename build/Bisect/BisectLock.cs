using TvmBuild.Engine;

namespace TvmBuild.Bisect;

/// <summary>One Bisect at a time per worktree: a second one would move the first one's checkout under it.</summary>
public static class BisectLock
{
    public static FileStream Hold(AbsolutePath worktree)
    {
        try
        {
            return new FileStream(worktree + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (BuildLock.IsHeldElsewhere(e))
        {
            throw new BuildFailure($"Another Bisect is using {worktree} right now.",
                "Wait for it to finish (or stop it with Ctrl-C); its worktree is left as it was.");
        }
    }
}
