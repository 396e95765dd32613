using TvmBuild.Engine;

namespace TvmBuild.Tools;

/// <summary>A tool a target needs: how to see whether this machine has it (and its version), and which row of
/// <see cref="Packages"/> says how to get it. Declared next to the target with <c>.Needs(...)</c>.</summary>
public sealed record Requirement(string Name, string Package, bool InImage, Func<ProcessRunner, string?> Probe,
    bool Optional = false) : IRequirement
{
    public string Install => Packages.Source(Package);
}
