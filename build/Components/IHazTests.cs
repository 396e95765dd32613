using TvmBuild.Engine;
using TvmBuild.Tvm;

/// <summary>Data only: what narrows a test run (--test-filter, the arguments after <c>--</c>) for the Python and the
/// C++ tests alike, and how a test target reports its results under the summary table.</summary>
interface IHazTests : IHazTvm
{
    [Parameter("Only tests matching this: a pytest -k expression (UnitTest, IntegrationTest), a gtest filter such as " +
        "'Suite.*:-Suite.Slow' (CppTest).", For = ["UnitTest", "IntegrationTest", "CppTest"])]
    string? TestFilter => TryGetValue(() => TestFilter);

    /// <summary>Arguments after a bare <c>--</c>: they go to pytest, or to the C++ test runner.</summary>
    IReadOnlyList<string> TestArguments => RemainingArguments;

    /// <summary>Counts, failing ids and one rerun command under the summary table.</summary>
    void ReportTests(string target, IReadOnlyList<SuiteResult> results,
        Func<IReadOnlyList<string>, IReadOnlyList<string>> select)
    {
        var rerun = RerunPrefix(target, withPython: target != "CppTest");
        foreach (var (key, value) in TestSummary.Lines(target, results, rerun, select)) ReportSummary(key, value);
    }

    /// <summary><c>./build.sh Target --skip</c> with what decides the tree, build directory and interpreter of this
    /// run, so that the command works when pasted into another shell.</summary>
    IReadOnlyList<string> RerunPrefix(string target, bool withPython)
    {
        var here = RootDirectory.Equals(AbsolutePath.Create(Directory.GetCurrentDirectory()));
        string script = here ? "./build.sh" : RootDirectory / "build.sh";
        var words = new List<string> { script, target, "--skip", "--tvm-home", TvmRoot };
        if (BuildDir is not null) words.AddRange(["--build-dir", BuildDir]);
        else if (Preset != "cpu") words.AddRange(["--preset", Preset]);
        if (withPython && TryGetValue(() => Python) is { } python) words.AddRange(["--python", python]);
        if (Docker is not null) words.AddRange(["--docker", Docker]);
        return words;
    }

    /// <summary>Arguments after <c>--</c> go to pytest for UnitTest and IntegrationTest, to the C++ test runner for
    /// CppTest: with both kinds planned, one of them would get arguments meant for the other.</summary>
    string? ArgumentsForBothKinds()
    {
        if (TestArguments.Count == 0) return null;
        var planned = ExecutionPlan.Where(t => t.Status != ExecutionStatus.Skipped).Select(t => t.Name).ToHashSet();
        var python = new[] { "UnitTest", "IntegrationTest" }.Where(planned.Contains).ToList();
        return python.Count > 0 && planned.Contains("CppTest")
            ? $"The arguments after -- would reach pytest ({string.Join(", ", python)}) and the C++ tests (CppTest) " +
              "alike; run those targets separately."
            : null;
    }
}
