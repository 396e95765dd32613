using TvmBuild.Engine;
using TvmBuild.Tools;

/// <summary><c>cmake --build</c>, as task_build.py runs it after the config step.</summary>
interface ICompile : IConfigure
{
    [Parameter("Parallel jobs (default: the number of cores).", Minimum = 1,
        For = [nameof(Compile), "CompileCppTest", "Wheel"])]
    int? Parallel => TryGetValue(() => Parallel);

    [Parameter("CMake target(s) to build, e.g. runtime, tvm, cpptest (default: all).", Name = "cmake-target")]
    string[] CMakeTargets => TryGetValue(() => CMakeTargets) ?? [];

    Target Compile => _ => _
        .Description("Builds TVM (cmake --build), all or --cmake-target")
        .Needs(Requirements.CMake, Requirements.Ninja, Requirements.Compiler)
        .DependsOn(Configure)
        .Executes(() => BuildTargets(CMakeTargets));

    void BuildTargets(IReadOnlyList<string> targets)
    {
        LockBuildDirectory();
        if (!Runner.DryRun && !Runner.InContainer && !(BuildDirectory / "CMakeCache.txt").FileExists())
            throw new BuildFailure($"{BuildDirectory} is not configured (no CMakeCache.txt).",
                "Run Configure without --config-only first.");
        var jobs = Parallel ?? Environment.ProcessorCount;
        var command = CMake.Build(Runner, BuildDirectory, targets, jobs, verbose: false)
            .WithEnvironment(Expand(Layout.BuildEnvironment, "The build")).WithEnvironment(CompilerCacheEnvironment);
        var cache = CompilerCaches.InUse(BuildDirectory)
            ?? (Runner.InContainer && CompilerCache == CompilerCache.Sccache ? "sccache" : null);
        // In the image sccache's server lives as long as the build's container: start it and ask it there.
        var inImage = cache == "sccache" && Runner.InContainer;
        if (inImage) command = CompilerCaches.WithSccacheServer(command);
        var before = cache is null || inImage || Runner.DryRun ? null : CompilerCaches.Read(Runner, cache);
        var log = RootDirectory / ".nuke" / "temp" / "build.log";
        CommandResult result;
        try
        {
            result = Runner.Run(command,
                new RunOptions { FailureHint = $"The compiler output is above and in {log}." });
        }
        catch (ProcessFailure failure) when (CompilerErrors.First(failure.Output, TvmRoot) is { } first)
        {
            // The summary row quotes the cause; the command and where the whole output is go to the hint.
            throw new BuildFailure(first, $"{failure.Message} {failure.Hint}");
        }
        var stats = inImage ? CompilerCaches.ParseSccache(result.Output)
            : before is not null && CompilerCaches.Read(Runner, cache!) is { } after ? after - before : null;
        if (stats is not null) ReportSummary("Compiler cache", stats.ToString());
    }
}
