using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.InteropServices;
using Serilog;

namespace TvmBuild.Engine;

public abstract partial class NukeBuild
{
    /// <summary>Runs the build for the process's command line; returns the exit code.</summary>
    public static int Execute<[DynamicallyAccessedMembers(Reflected)] T>(
        params Expression<Func<T, Target>>[] defaultTargets) where T : NukeBuild, new() =>
        Execute<T>(Environment.GetCommandLineArgs().Skip(1).ToArray(), defaultTargets);

    public static int Execute<[DynamicallyAccessedMembers(Reflected)] T>(string[] args,
        params Expression<Func<T, Target>>[] defaultTargets)
        where T : NukeBuild, new()
    {
        NativeSources.HandBackIfStale(args);
        using var cancellation = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Cancel(c, cancellation));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Cancel(c, cancellation));
        T? build = null;
        try
        {
            build = Setup<T>(args, cancellation.Token);
            var defaults = defaultTargets.Select(d => ExpressionText.MemberOf(d)!.Name).ToList();
            var targets = ExecutableTargetFactory.Create(build, defaults);
            build.ExecutableTargets = targets;
            if (build.Complete is { } complete) return build.PrintCompletion(complete);
            var invoked = (build.Target ?? []).Select(n => ExecutionPlanner.Find(targets, n)).ToList();
            if (build.Help || (invoked.Count == 0 && defaultTargets.Length == 0))
            {
                Console.Out.Write(invoked.Count == 0 ? HelpText.Render(build, targets)
                    : HelpText.Render(build, targets, invoked));
                return 0;
            }
            if (invoked.Count == 0) invoked = targets.Where(t => t.IsDefault).ToList();
            foreach (var target in invoked) target.Invoked = true;
            build.ExecutionPlan = ExecutionPlanner.Plan(targets, invoked);
            if (build.Plan is not null)
            {
                Console.Out.Write(PlanText.Render(build.ExecutionPlan, build.Plan));
                return 0;
            }
            SkipPlanner.Apply(build, targets);
            var warnings = ParameterChecks.Run(build, targets);
            CheckRequirements(build);
            return Run(build, targets, warnings, cancellation.Token);
        }
        catch (BuildFailure failure)
        {
            Console.Error.WriteLine($"error: {failure.Message}");
            if (failure.Hint is not null) Console.Error.WriteLine($"hint: {failure.Hint}");
            build?.Host?.ReportError("build", failure.Message);
            return -1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The build's own files (.nuke/temp, logs, the schema) could not be written: one line, no stack trace.
            Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine("hint: tvm-build keeps its state and logs in .nuke/; make that folder writable, " +
                                    "or free disk space.");
            return -1;
        }
        finally
        {
            build?.Session.Dispose();
            Log.CloseAndFlush();
        }
    }

    private static void Cancel(PosixSignalContext context, CancellationTokenSource cancellation)
    {
        if (cancellation.IsCancellationRequested) return; // a second Ctrl-C ends the process at once
        context.Cancel = true;
        Console.Error.WriteLine();
        Console.Error.WriteLine("Cancelling: stopping running commands (Ctrl-C again to force)...");
        cancellation.Cancel();
    }

    private static T Setup<[DynamicallyAccessedMembers(Reflected)] T>(string[] args, CancellationToken cancellation)
        where T : NukeBuild, new()
    {
        var environment = Environment.GetEnvironmentVariables();
        var catalog = ParameterCatalog.Of(typeof(T));
        var parsed = ParsedArguments.Parse(args,
            catalog.Where(p => !p.IsSwitch).Select(p => ParameterService.Normalize(p.CliName)).ToHashSet());
        var early = new ParameterService(parsed, environment, []);
        var rootParameter = catalog.Single(p => p.MemberName == nameof(Root));
        var root = (AbsolutePath?)early.GetValue(rootParameter) ?? FindRoot();
        var profiles = (string[]?)early.GetValue(catalog.Single(p => p.MemberName == nameof(Profile))) ?? [];
        var service = new ParameterService(parsed, environment, ParameterFiles.Load(root / ".nuke", profiles));
        service.CheckUnknown(catalog);

        var build = new T
        {
            RootDirectory = root, Parameters = service, AllParameters = catalog, Fresh = () => new T(),
        };
        foreach (var parameter in catalog)
        {
            // Fields of the class are read by every target, so their values are converted (and checked) now; a
            // component's parameter is checked now when typed on the command line, and otherwise once the plan shows
            // a target that reads it (ParameterChecks), so a stray environment value never fails an unrelated run.
            var isField = !parameter.Member.DeclaringType!.IsInterface;
            if (!isField && !service.IsOnCommandLine(parameter)) continue;
            var value = service.GetValue(parameter);
            if (value is null || !isField) continue;
            switch (parameter.Member)
            {
                case FieldInfo field: field.SetValue(build, value); break;
                case PropertyInfo { CanWrite: true } property: property.SetValue(build, value); break;
            }
        }
        build.Target = (build.Target ?? []).Concat(parsed.Targets).ToArray();
        build.Host = Host.Create(build.HostName, environment);
        build.Runner = new ProcessRunner(build.DryRun, cancellation);
        return build;
    }

    private static AbsolutePath FindRoot()
    {
        // The checkout whose build.sh started this binary first (Nuke looks from the current directory first): run
        // from inside a TVM tree that tvm-build was adopted into, another checkout's build.sh still uses its own files.
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
                if (Directory.Exists(Path.Combine(directory.FullName, ".nuke")))
                    return AbsolutePath.Create(directory.FullName);
        throw new BuildFailure("Could not find the build's root (a folder holding .nuke).",
            "Run from inside the repository or pass --root <dir>.");
    }

    private static void CheckRequirements(NukeBuild build)
    {
        var unmet = build.ExecutionPlan
            .Where(t => t.Status != ExecutionStatus.Skipped)
            .SelectMany(t => t.Definition.Requirements.Select(check => check()).OfType<string>()
                .Select(m => (t.Name, m)))
            .ToList();
        if (unmet.Count == 0) return;
        foreach (var (target, message) in unmet.Skip(1))
            Console.Error.WriteLine($"error: {message} (needed by {target})");
        throw new BuildFailure($"{unmet[0].m} (needed by {unmet[0].Name})");
    }

    private static int Run(NukeBuild build, IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<string> warnings,
        CancellationToken cancellation)
    {
        AbsolutePath logFile;
        try
        {
            logFile = RunLogs.Start(build.TemporaryDirectory, DateTime.Now);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BuildFailure(
                $"Cannot write the build's logs under {build.TemporaryDirectory}: {BuildFailure.Reason(e)}",
                "Make .nuke/temp writable (or free disk space); nothing was run.");
        }
        if (build.Host.IsInteractive) StatusLine.Install();
        Logging.Configure(build.Verbosity, build.Host.IsInteractive, logFile);
        try { SchemaText.Refresh(build, targets); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.Warning("Could not refresh .nuke/build.schema.json: {Message}", e.Message);
        }
        var attempt = BuildAttempt.For(build, build.TemporaryDirectory / "build-attempt.json");
        if (!build.NoLogo)
            Log.Information("tvm-build: {Targets} on {Host}{Context}",
                string.Join(", ", build.ExecutionPlan.Select(t => t.Name)), build.Host.Name,
                build.RunContext is { } context ? $"; {context}" : "");
        foreach (var note in build.Parameters.Notes) Log.Information("{Note}", note);
        foreach (var warning in warnings) Log.Warning("{Warning}", warning);
        if (build.Continue) attempt.SkipSucceeded(build.ExecutionPlan);

        build.RaiseBuildInitialized();
        BuildExecutor.Run(build, cancellation);
        build.RaiseBuildFinished();
        try { attempt.Save(build.ExecutionPlan); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.Warning("Could not record this attempt for --continue: {Message}", e.Message);
        }
        StatusLine.Current?.Dispose();

        // Ctrl-C that ended a serve loop is a clean stop; quiet success prints only what targets print.
        var cancelled = build.ExecutionPlan.Any(t => t.Status == ExecutionStatus.Aborted);
        if (build.Verbosity != Verbosity.Quiet || cancelled || Summary.IsFailure(build))
        {
            Console.Out.WriteLine();
            Console.Out.WriteLine(Summary.Render(build, cancelled, DateTime.Now));
        }
        if (build.SummaryTo is { } summaryFile)
            summaryFile.WriteAllTextAtomically(string.Concat(build.SummaryPairs.Select(p => $"{p.Key}\t{p.Value}\n")));
        if (cancelled) return 130;
        return build.ExitCode ?? (Summary.IsFailure(build) ? -1 : 0);
    }
}
