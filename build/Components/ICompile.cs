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
        .DependsOn(Configure)
        .Executes(() => BuildTargets(CMakeTargets));

    void BuildTargets(IReadOnlyList<string> targets)
    {
        LockBuildDirectory();
        if (!ProcessTasks.DryRun && !ToolResolver.InContainer && !(BuildDirectory / "CMakeCache.txt").FileExists())
            throw new BuildFailure($"{BuildDirectory} is not configured (no CMakeCache.txt).", "Run Configure without --config-only first.");
        var command = CMake.Build(BuildDirectory, targets, Parallel ?? Environment.ProcessorCount, verbose: false)
            .WithEnvironment(Expand(Layout.BuildEnvironment, "The build")).WithEnvironment(CompilerCacheEnvironment);
        var cache = CompilerCaches.InUse(BuildDirectory)
            ?? (ToolResolver.InContainer && CompilerCache == CompilerCache.Sccache ? "sccache" : null);
        // In the image sccache's server lives as long as the build's container: start it and ask it there.
        var inImage = cache == "sccache" && ToolResolver.InContainer;
        if (inImage) command = CompilerCaches.WithSccacheServer(command);
        var before = cache is null || inImage || ProcessTasks.DryRun ? null : CompilerCaches.Read(cache);
        var result = ProcessTasks.Run(command,
            failureHint: $"The compiler output is above and in {RootDirectory / ".nuke" / "temp" / "build.log"}.");
        var stats = inImage ? CompilerCaches.ParseSccache(result.Output)
            : before is not null && CompilerCaches.Read(cache!) is { } after ? after - before : null;
        if (stats is not null) ReportSummary("Compiler cache", stats.ToString());
    }
}
