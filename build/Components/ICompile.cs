using TvmBuild.Engine;
using TvmBuild.Tools;

/// <summary><c>cmake --build</c>, as task_build.py runs it after the config step.</summary>
interface ICompile : IConfigure, IHazStepInputs
{
    /// <summary>What a build reads: TVM's CMake files, sources and submodules (each by its commit).</summary>
    static readonly string[] BuildPaths = ["CMakeLists.txt", "cmake", "src", "include", "3rdparty"];

    /// <summary>What a build leaves that others use, as CI's stashes carry it (data.py's tvm_lib, cpptest; the
    /// libraries at the build directory's root at v0.9.0, in lib/ at main). Not ninja's files: they belong to the
    /// folder that ran CMake, and a restored build.ninja would break a configured one.</summary>
    static readonly string[] BuildOutputs =
        ["libtvm*.so", "lib/libtvm*.so", "config.cmake", "cpptest", "crttest", "3rdparty/**/*.so"];

    [Parameter("Parallel jobs (default: the number of cores).", Minimum = 1,
        For = [nameof(Compile), "CompileCppTest", "Wheel"])]
    int? Parallel => TryGetValue(() => Parallel);

    [Parameter("CMake target(s) to build, e.g. runtime, tvm, cpptest (default: all).", Name = "cmake-target")]
    string[] CMakeTargets => TryGetValue(() => CMakeTargets) ?? [];

    Target Compile => _ => _
        .Description("Builds TVM (cmake --build), all or --cmake-target")
        .Needs(Requirements.CMake, Requirements.Ninja, Requirements.Compiler)
        .DependsOn(Configure)
        .RequiresThat(() => FromCacheWithoutStore)
        .Inputs(() => BuildInputs(CMakeTargets, BuildPaths) with { FromCacheOnly = FromCache })
        .Executes(() => BuildTargets(CMakeTargets));

    /// <summary>A build's key: the sources, config.cmake as Configure writes it, the build type and targets, and the
    /// compiler, CMake and Ninja (or the image).</summary>
    StepInputs BuildInputs(IReadOnlyList<string> targets, IReadOnlyList<string> paths) =>
        StepInputsOf(paths, ["cmake", "ninja", Environment.GetEnvironmentVariable("CXX") ?? "c++"],
            ("config.cmake", ConfigCMakeText()), ("build type", BuildType),
            ("cmake targets", string.Join(" ", targets)),
            ("build environment", string.Join(" ", Expand(Layout.BuildEnvironment, "The build")
                .Select(p => $"{p.Key}={p.Value}"))))
        with
        { Outputs = BuildOutputs, NeedsOutputs = true };

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
