using System.Diagnostics.CodeAnalysis;

namespace TvmBuild.Engine;

/// <summary>The base of the build class (Nuke's <c>NukeBuild</c>): built-in parameters, paths, host and run state.
/// <c>public static int Main() => Execute&lt;Build&gt;(x => x.Compile);</c></summary>
public abstract partial class NukeBuild : INukeBuild
{
    [Parameter("Targets to run (also given as the first words).", List = false, CommandLineOnly = true)]
    public string[]? Target { get; internal set; }
    [Parameter("Targets to skip; bare --skip skips all but the invoked ones.", ValueOptional = true,
        CommandLineOnly = true)]
    public string[]? Skip { get; internal set; }
    [Parameter("Shows targets and parameters.", CommandLineOnly = true)]
    public bool Help { get; internal set; }
    [Parameter("Prints the execution plan (text or mermaid) and runs nothing.", ValueOptional = true,
        CommandLineOnly = true)]
    public string? Plan { get; internal set; }
    [Parameter("Prints every external command, shell-quoted, instead of running it.")]
    public bool DryRun { get; internal set; }
    [Parameter("Root directory of this build (default: the folder holding .nuke).", CommandLineOnly = true)]
    public AbsolutePath? Root { get; internal set; }
    [Parameter("Logging verbosity.")]
    public Verbosity Verbosity { get; internal set; } = Verbosity.Normal;
    [Parameter("CI host to act as (GitHubActions, Jenkins, CI, Terminal); with Docs --serve, the address to bind.",
        Name = "host")]
    public string? HostName { get; internal set; }
    [Parameter("Loads .nuke/parameters.<profile>.json over .nuke/parameters.json.")]
    public string[]? Profile { get; internal set; }
    [Parameter("Continues a previously failed build, skipping the targets that succeeded.", CommandLineOnly = true)]
    public bool Continue { get; internal set; }
    [Parameter("Does not print the logo.")]
    public bool NoLogo { get; internal set; }
    [Parameter("Where passed results are kept and reused by their inputs: " + CacheStores.Values +
               " (AWS_ENDPOINT_URL for an S3-compatible server). Default: local, under $XDG_CACHE_HOME/tvm-build.")]
    public string? ResultCache { get; internal set; }
    [Parameter("Runs every target even when a passed result of the same inputs is stored (and records the new one).")]
    public bool NoCache { get; internal set; }
    [Parameter("Prints each cached target's key and its inputs, and what changed since the last run here.")]
    public bool Explain { get; internal set; }
    [Parameter("The local result cache's size limit (default 10G); the least recently used results go first.")]
    public string? ResultCacheSize { get; internal set; }
    [Parameter("Also writes the lines under the summary table to this file, KEY<tab>VALUE (CiTask's steps: the task " +
               "reports and records them).", List = false, CommandLineOnly = true)]
    public AbsolutePath? SummaryTo { get; internal set; }
    [Parameter("Prints the values shell completion offers after --<name>, one a line, and runs nothing.", List = false,
        CommandLineOnly = true)]
    public string? Complete { get; internal set; }

    /// <summary>What the engine reads of the build class by reflection: its <c>[Parameter]</c>s and targets, and those
    /// of every component interface it lists. <c>All</c> is the one kind that keeps the interfaces' members too, so a
    /// native (trimmed) build still finds them.</summary>
    internal const DynamicallyAccessedMemberTypes Reflected = DynamicallyAccessedMemberTypes.All;

    /// <summary>Every <c>[Parameter]</c> of the build, read once at start.</summary>
    public IReadOnlyList<ParameterInfo> AllParameters { get; internal set; } = [];

    /// <summary>A new instance of the build's class, whose values are the parameters' defaults (help, the
    /// reference).</summary>
    internal Func<NukeBuild> Fresh { get; set; } = () => throw new InvalidOperationException("not set up");

    public AbsolutePath RootDirectory { get; internal set; } = null!;
    public AbsolutePath TemporaryDirectory => RootDirectory / ".nuke" / "temp";
    public Host Host { get; internal set; } = null!;
    public bool IsLocalBuild => !Host.IsServer;
    public bool IsServerBuild => Host.IsServer;
    public ParameterService Parameters { get; internal set; } = ParameterService.Empty;
    public ProcessRunner Runner { get; internal set; } = new(dryRun: false, CancellationToken.None);
    public BuildSession Session { get; } = new();

    public IReadOnlyList<ExecutableTarget> ExecutionPlan { get; internal set; } = [];
    public IReadOnlyList<ExecutableTarget> ExecutableTargets { get; internal set; } = [];
    public IReadOnlyList<ExecutableTarget> InvokedTargets => ExecutionPlan.Where(t => t.Invoked).ToList();
    public IReadOnlyList<ExecutableTarget> SucceededTargets =>
        ExecutionPlan.Where(t => t.Status == ExecutionStatus.Succeeded).ToList();
    public IReadOnlyList<ExecutableTarget> FailedTargets =>
        ExecutionPlan.Where(t => t.Status == ExecutionStatus.Failed).ToList();
    public IReadOnlyList<ExecutableTarget> SkippedTargets =>
        ExecutionPlan.Where(t => t.Status == ExecutionStatus.Skipped).ToList();

    /// <summary>Set to override the exit code; otherwise 0, or 255 when any planned target failed or did not
    /// run.</summary>
    public int? ExitCode { get; set; }

    /// <summary>Arguments after a bare <c>--</c> (e.g. <c>DevShell -- make -j2</c>).</summary>
    public IReadOnlyList<string> RemainingArguments => Parameters.Remaining;

    internal List<(string Key, string Value)> SummaryPairs { get; } = [];

    /// <summary>Adds a line under the summary table (Nuke's <c>ReportSummary</c>).</summary>
    public void ReportSummary(string key, string value)
    {
        SummaryPairs.RemoveAll(p => p.Key == key); // the latest word on a key wins (e.g. each docs rebuild)
        SummaryPairs.Add((key, value));
    }

    /// <summary>Called once before the first target runs: return the runner the targets use (e.g. one that runs every
    /// command in a container).</summary>
    protected virtual ProcessRunner ConfigureRunner(ProcessRunner runner) => runner;

    /// <summary>What the first line of the log adds after the targets and host (e.g. which tree, and why).</summary>
    protected virtual string? Context => null;
    internal string? RunContext => Context;

    protected virtual void OnBuildInitialized() { }
    protected virtual void OnTargetRunning(ExecutableTarget target) { }
    protected virtual void OnTargetSucceeded(ExecutableTarget target) { }
    protected virtual void OnTargetFailed(ExecutableTarget target) { }
    protected virtual void OnBuildFinished() { }

    // The engine raises the hooks; builds override them as in Nuke (protected, not internal).
    internal void RaiseBuildInitialized()
    {
        Runner = ConfigureRunner(Runner);
        OnBuildInitialized();
    }
    internal void RaiseTargetRunning(ExecutableTarget target) => OnTargetRunning(target);
    internal void RaiseTargetSucceeded(ExecutableTarget target) => OnTargetSucceeded(target);
    internal void RaiseTargetFailed(ExecutableTarget target) => OnTargetFailed(target);
    internal void RaiseBuildFinished() => OnBuildFinished();
}
