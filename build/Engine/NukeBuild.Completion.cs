namespace TvmBuild.Engine;

public abstract partial class NukeBuild
{
    /// <summary>What shell completion offers after a parameter, or null for nothing known. With
    /// <paramref name="fromTree"/> a build may read what the command line and environment point at (completion asks
    /// <c>--complete name</c> while the user types); without it, only values that hold everywhere (the generated
    /// completion scripts carry those).</summary>
    public virtual IReadOnlyList<string>? CompletionValues(ParameterInfo parameter, bool fromTree) =>
        parameter.MemberName switch
        {
            nameof(Skip) or nameof(Target) => ExecutableTargets.Where(t => t.Listed).Select(t => t.Name).ToList(),
            nameof(Plan) => ["text", "mermaid"],
            _ => parameter.AllowedValues,
        };

    /// <summary><c>--complete name</c>: the values, one a line. A failure prints nothing and exits 1, so the completion
    /// script falls back to the values it carries.</summary>
    internal int PrintCompletion(string name)
    {
        var wanted = ParameterService.Normalize(name);
        var parameter = AllParameters
            .FirstOrDefault(p => ParameterService.Normalize(p.CliName) == wanted);
        if (parameter is null) return 1;
        try
        {
            foreach (var value in CompletionValues(parameter, fromTree: true) ?? []) Console.Out.WriteLine(value);
            return 0;
        }
        catch (Exception e) when (e is BuildFailure or IOException or UnauthorizedAccessException)
        {
            return 1;
        }
    }
}
