using TvmBuild.Engine;

namespace TvmBuild.Docker;

/// <summary>docker writes a container's id to a --cidfile, so a container can be removed after Ctrl-C or a killed
/// client.</summary>
public static class CidFiles
{
    /// <summary>Removes the container named by a --cidfile, if docker wrote one, and the file.</summary>
    public static void RemoveContainer(ProcessRunner runner, string cli, string cidFile)
    {
        if (File.Exists(cidFile) && File.ReadAllText(cidFile).Trim() is { Length: > 0 } id && !runner.DryRun)
        {
            var engine = cli == "nvidia-docker" ? "docker" : cli;
            runner.OnHost.Probe(new Command(engine, "rm", "--force", id), RunOptions.MayFail);
        }
        File.Delete(cidFile);
    }
}
