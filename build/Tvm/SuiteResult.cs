namespace TvmBuild.Tvm;

/// <summary>What one test run left in its JUnit XML: counts, and the ids of the tests that failed, in file
/// order.</summary>
public sealed record SuiteResult(string Name, int Passed, int Failed, int Skipped, IReadOnlyList<string> FailedIds)
{
    public string Counts => $"{Passed} passed, {Failed} failed, {Skipped} skipped";
}
