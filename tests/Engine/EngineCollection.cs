using Xunit;

namespace TvmBuild.Tests.Engine;

/// <summary>The engine writes to the process's console, so the tests that run test builds in-process
/// (<see cref="EngineHarness"/>) share one non-parallel collection.</summary>
[CollectionDefinition(nameof(EngineCollection), DisableParallelization = true)]
public sealed class EngineCollection;
