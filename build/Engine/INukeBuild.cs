using System.Linq.Expressions;

namespace TvmBuild.Engine;

/// <summary>What components (interfaces with default members) see of the build.</summary>
public interface INukeBuild
{
    AbsolutePath RootDirectory { get; }
    AbsolutePath TemporaryDirectory { get; }
    Host Host { get; }
    bool IsLocalBuild { get; }
    bool IsServerBuild { get; }
    ParameterService Parameters { get; }
    /// <summary>Runs the external commands of this build (dry run, Ctrl-C and docker mode already applied).</summary>
    ProcessRunner Runner { get; }
    /// <summary>What components remember within this run.</summary>
    BuildSession Session { get; }
    /// <summary>Overrides the build's exit code (e.g. DevShell returns its command's).</summary>
    int? ExitCode { get; set; }
    IReadOnlyList<string> RemainingArguments { get; }
    IReadOnlyList<ExecutableTarget> ExecutionPlan { get; }
    /// <summary>The value of --host as given (a CI host name, or for Docs --serve the address to bind).</summary>
    string? HostName { get; }
    /// <summary>--root as given (null: found from the working directory).</summary>
    AbsolutePath? Root { get; }
    Verbosity Verbosity { get; }
    /// <summary>--result-cache and --no-cache as given (the result cache's store, and whether to look in it).</summary>
    string? ResultCache { get; }
    bool NoCache { get; }
    void ReportSummary(string key, string value);
    /// <summary>Every <c>[Parameter]</c> of the build.</summary>
    IReadOnlyList<ParameterInfo> AllParameters { get; }
    /// <summary>Every target of the build (for tools that check names, like the CI catalog).</summary>
    IReadOnlyList<ExecutableTarget> ExecutableTargets { get; }

    /// <summary>The value of the <c>[Parameter]</c> the lambda names:
    /// <c>string X => TryGetValue(() => X);</c></summary>
    T? TryGetValue<T>(Expression<Func<T?>> parameter)
    {
        var member = ExpressionText.MemberOf(parameter)
            ?? throw new ArgumentException("Expected () => Member", nameof(parameter));
        var info = ParameterCatalog.For(member);
        return (T?)Parameters.GetValue(info);
    }
}
