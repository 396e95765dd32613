namespace TvmBuild.Engine;

/// <summary>Runs commands elsewhere (docker mode): rewrites each one, and cleans up after it ended or was
/// cancelled.</summary>
public interface ICommandWrapper
{
    Command Wrap(Command command);

    /// <summary>A path of this machine as the wrapped commands see it (a container's mount point).</summary>
    string PathSeenInside(string path);
    void Finished(Command wrapped, bool cancelled);
}
