using System.Collections;

namespace TvmBuild.Engine;

/// <summary>Where the build runs. Chosen by <c>--host</c>, else detected from the environment (CI servers before the
/// terminal), as Nuke's <c>Host.IsRunning*</c> checks do.</summary>
public abstract class Host
{
    public static IReadOnlyList<string> Names { get; } = ["GitHubActions", "Jenkins", "CI", "Terminal"];

    public abstract string Name { get; }
    public virtual bool IsServer => true;

    /// <summary>Colours and the live status line need a person at a terminal.</summary>
    public virtual bool IsInteractive => false;

    public virtual void BeginTarget(string name) => Serilog.Log.Information("── {Target} ──", name);
    public virtual void EndTarget(string name) { }
    public virtual void ReportError(string target, string message) { }

    internal static Host Create(string? name, IDictionary environment)
    {
        string? Env(string key) => environment[key] as string;
        // A name that is not a host's is an address for Docs --serve.
        if (name is not null && !Names.Contains(name, StringComparer.OrdinalIgnoreCase)) name = null;
        name ??= Env("GITHUB_ACTIONS") == "true" ? "GitHubActions"
            : Env("JENKINS_HOME") is not null || Env("JENKINS_URL") is not null ? "Jenkins"
            : string.Equals(Env("CI"), "true", StringComparison.OrdinalIgnoreCase) || Env("CI") == "1" ? "CI"
            : "Terminal";
        return ParameterService.Normalize(name) switch
        {
            "githubactions" => new GitHubActionsHost(),
            "jenkins" => new JenkinsHost(),
            "ci" => new GenericCiHost(),
            "terminal" => new TerminalHost(
                !Console.IsOutputRedirected && Env("TERM") != "dumb" && Env("NO_COLOR") is null),
            _ => throw new BuildFailure($"Unknown host '{name}'.", $"Valid: {string.Join(", ", Names)}."),
        };
    }
}
