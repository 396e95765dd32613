using TvmBuild.Docker;
using TvmBuild.Engine;

/// <summary>Data only: what the result cache keys a step on the TVM tree by (StepInputs): the tree's paths it reads,
/// where it runs (in docker mode the image, by its id when the engine knows it; else this machine's tools, by their
/// versions) and the values that change its result.</summary>
interface IHazStepInputs : IHazTvm
{
    /// <summary>The environment variables TVM's scripts and tests read that change what a step does.</summary>
    static readonly string[] ResultEnvironment =
    [
        "CI", "SKIP_SLOW_TESTS", "TVM_TEST_MARKER", "TVM_TEST_TARGETS", "TVM_SHARD_INDEX", "TVM_NUM_SHARDS",
        "PYTEST_ADDOPTS", "CI_PYTEST_ADD_OPTIONS", "TVM_BIND_THREADS", "OMP_NUM_THREADS",
    ];

    [Parameter("Compile: take the build of these inputs from the result cache (CI's, with --result-cache " +
               "s3://bucket/prefix or redis://host:port) instead of compiling; CiTask: the task's artifacts, as a " +
               "test stage takes its build stage's. Fails when they are not there.",
        For = ["Compile", "CiTask"])]
    bool FromCache => TryGetValue<bool?>(() => FromCache) ?? false;

    /// <summary>--from-cache with --result-cache none: what RequiresThat refuses.</summary>
    string? FromCacheWithoutStore => FromCache && ResultCache == "none"
        ? "--from-cache takes the result from the result cache, and --result-cache none names none: give " +
          "--result-cache local, s3://bucket/prefix or redis://host:port"
        : null;

    StepInputs StepInputsOf(IReadOnlyList<string> paths, IReadOnlyList<string> tools,
        params (string Name, string? Value)[] values)
    {
        var inputs = new StepInputs(TvmRoot) { Paths = paths, OutputRoot = BuildDirectory };
        foreach (var (name, value) in values) inputs = inputs.With(name, value);
        foreach (var name in ResultEnvironment)
            inputs = inputs.With($"env {name}", Environment.GetEnvironmentVariable(name));
        if (Runner.InContainer) return inputs.With("image", ImageIdentity(Docker!));
        foreach (var tool in tools) inputs = inputs.With($"tool {tool}", ToolVersion(tool));
        return inputs;
    }

    /// <summary>The image's name and id. An image the engine does not have yet is pulled first (the step would pull
    /// it to run): its key is then the same on every agent, whether or not the image was there before. Only an image
    /// that cannot be had is keyed by its name alone.</summary>
    string ImageIdentity(string shortcut)
    {
        var image = DockerImages.Resolve(TvmRoot, Layout.Images, shortcut);
        return PulledImage(image).Id is { } id ? $"{image} {id}" : image;
    }

    /// <summary>The first line of <c>tool --version</c>, or "absent".</summary>
    string ToolVersion(string tool) => Session.GetOrAdd(("tool-version", tool), () =>
    {
        if (ToolResolver.TryFind(tool) is not { } path) return "absent";
        var result = Runner.OnHost.Probe(new Command(path, "--version"), RunOptions.MayFail);
        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "unknown";
    });

    /// <summary>A tool by its file: its path, size and time ("absent" when not found). Cheaper than asking it its
    /// version (pylint takes half a second to answer), and a package upgrade rewrites it.</summary>
    string ToolStamp(string tool)
    {
        if (ToolResolver.TryFind(tool) is not { } path) return $"{tool} absent";
        var file = new FileInfo(Path.GetFullPath(path)).ResolveLinkTarget(returnFinalTarget: true) as FileInfo
            ?? new FileInfo(path);
        return $"{path} {file.Length} {file.LastWriteTimeUtc:O}";
    }
}
