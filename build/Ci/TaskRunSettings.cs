using TvmBuild.Engine;

namespace TvmBuild.Ci;

/// <summary>How CiTask runs tasks: each step is one run of this build (the same binary), as a user would type
/// it.</summary>
/// <param name="BuildDirectory">The build directory a step's preset builds in (IHazTvm's rule), for
/// TVM_LIBRARY_PATH.</param>
/// <param name="ImageTag">What <c>{image-tag}</c> in a step's parameters stands for (CiImageTag).</param>
public sealed record TaskRunSettings(
    AbsolutePath? TvmHome,
    AbsolutePath? Root,
    string DockerCli,
    ProcessRunner Runner,
    bool Verbose,
    bool ServerBuild,
    Func<CiStep, string?, string?> BuildDirectory,
    string ImageTag)
{
    /// <summary>The result cache's options as the user gave them to CiTask, for every step's run.</summary>
    public IReadOnlyList<string> CacheArguments { get; init; } = [];
}
