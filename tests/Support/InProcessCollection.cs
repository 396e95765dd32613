using Xunit;

namespace TvmBuild.Tests.Support;

/// <summary>The tests that run the build in this process (<see cref="InProcessBuild"/>): it changes the process's
/// environment, current folder and console while it runs, so these run alone, after the parallel tests (xunit runs
/// a collection without parallelization by itself).</summary>
[CollectionDefinition(nameof(InProcessCollection), DisableParallelization = true)]
public sealed class InProcessCollection;
