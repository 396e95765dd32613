using System.Diagnostics;
using Serilog;

namespace TvmBuild.Engine;

/// <summary>Runs a plan target by target: skip, collective, run; a failure stops the run unless
/// the target proceeds after failure; assured targets run anyway; the rest are NotRun; Ctrl-C aborts.</summary>
internal static class BuildExecutor
{
    public static void Run(NukeBuild build, CancellationToken cancellation)
    {
        var cache = TargetCache.Create(build);
        cache?.Prepare(build.ExecutionPlan);
        var failed = false;
        var runnable = build.ExecutionPlan.Count(t => t.Status != ExecutionStatus.Skipped && !t.IsCollective);
        var number = 0;
        foreach (var target in build.ExecutionPlan)
        {
            if (target.Status == ExecutionStatus.Skipped) continue;
            if (cancellation.IsCancellationRequested || (failed && !target.Definition.IsAssuredAfterFailure))
            {
                target.Status = ExecutionStatus.NotRun;
                continue;
            }
            if (target.Definition.DynamicConditions.FirstOrDefault(c => !ExpressionText.Evaluate(c)) is { } condition)
            {
                target.Status = ExecutionStatus.Skipped;
                target.SkipReason = ExpressionText.Of(condition);
                Log.Information("Skipping {Target}: {Reason}", target.Name, target.SkipReason);
                continue;
            }
            if (target.IsCollective)
            {
                target.Status = ExecutionStatus.Collective;
                continue;
            }
            if (!Execute(build, target, $"{target.Name} ({++number}/{runnable})", cache, cancellation)
                && !target.Definition.IsProceedAfterFailure)
                failed = true;
        }
    }

    private static bool Execute(NukeBuild build, ExecutableTarget target, string label, TargetCache? cache,
        CancellationToken cancellation)
    {
        target.Status = ExecutionStatus.Running;
        build.Host.BeginTarget(target.Name);
        StatusLine.Current?.Show(label);
        build.RaiseTargetRunning(target);
        var stopwatch = Stopwatch.StartNew();
        var summaryBefore = build.SummaryPairs.ToList();
        try
        {
            if (cache?.TryReuse(target) != true)
                foreach (var action in target.Definition.Actions)
                    action().GetAwaiter().GetResult();
            target.Status = ExecutionStatus.Succeeded;
            build.RaiseTargetSucceeded(target);
            return true;
        }
        catch (Exception e) when (e is OperationCanceledException && cancellation.IsCancellationRequested)
        {
            target.Status = ExecutionStatus.Aborted;
            target.FailureSummary = "cancelled";
            Log.Error("{Target} was cancelled", target.Name);
            return false;
        }
        catch (Exception e)
        {
            target.Status = ExecutionStatus.Failed;
            target.FailureSummary = Describe(e);
            Log.Error("Target {Target} failed: {Message}", target.Name, target.FailureSummary);
            if (Hint(e) is { } hint) Log.Error("Hint: {Hint}", hint);
            if (e is not BuildFailure and not ProcessFailure) Log.Verbose(e, "Details");
            build.Host.ReportError(target.Name, target.FailureSummary);
            build.RaiseTargetFailed(target);
            return false;
        }
        finally
        {
            target.Duration = stopwatch.Elapsed;
            cache?.Finished(target, summaryBefore);
            StatusLine.Current?.Show(null);
            build.Host.EndTarget(target.Name);
        }
    }

    private static string Describe(Exception e) => e switch
    {
        BuildFailure or ProcessFailure => e.Message,
        AggregateException { InnerExceptions.Count: 1 } aggregate => Describe(aggregate.InnerException!),
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    private static string? Hint(Exception e) => e switch
    {
        BuildFailure failure => failure.Hint,
        ProcessFailure process => process.Hint,
        AggregateException { InnerExceptions.Count: 1 } aggregate => Hint(aggregate.InnerException!),
        _ => "Run with --verbosity verbose for the stack trace.",
    };
}
