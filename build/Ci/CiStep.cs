namespace TvmBuild.Ci;

/// <summary>One run of the build within a task: targets and parameters (the task's, overridden by the step's), its
/// environment, the arguments after <c>--</c> (DevShell's command), and the calls of TVM's CI it stands for.</summary>
public sealed record CiStep(
    IReadOnlyList<string> Targets,
    IReadOnlyList<(string Name, IReadOnlyList<string> Values)> Parameters,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<string> Command,
    IReadOnlyList<string> Tvm)
{
    /// <summary>The value of a parameter (the last one given), or null.</summary>
    public IReadOnlyList<string>? Parameter(string name) =>
        Parameters.LastOrDefault(p => p.Name == name) is { Name: not null } found ? found.Values : null;
}
