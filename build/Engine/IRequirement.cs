namespace TvmBuild.Engine;

/// <summary>A tool (or library, module, engine) a target needs, declared next to the target with <c>Needs(...)</c>.
/// Doctor lists them; in docker mode only targets that need something of the image run their commands in it.</summary>
public interface IRequirement
{
    string Name { get; }

    /// <summary>It comes with the CI image (cmake, a compiler, pytest), rather than from this machine (git,
    /// docker).</summary>
    bool InImage { get; }
}
