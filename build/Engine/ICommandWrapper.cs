namespace TvmBuild.Engine;

/// <summary>Runs commands elsewhere (docker mode): rewrites each one, and cleans up after it ended or was
/// cancelled.</summary>
public interface ICommandWrapper
{
    Command Wrap(Command command);
    void Finished(Command wrapped, bool cancelled);
}
