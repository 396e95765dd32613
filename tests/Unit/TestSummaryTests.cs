using Shouldly;
using TvmBuild.Tvm;
using Xunit;

namespace TvmBuild.Tests.Unit;

public class TestSummaryTests
{
    private static readonly string[] Prefix = ["./build.sh", "UnitTest", "--skip", "--tvm-home", "/t/tvm"];

    private static IReadOnlyList<string> Select(IReadOnlyList<string> ids) => ["--tests", .. ids];

    [Fact]
    public void Passing_suites_give_counts_only()
    {
        var lines = TestSummary.Lines("UnitTest", [new SuiteResult("python-unittest", 5, 0, 1, [])], Prefix, Select);
        lines.ShouldBe([("UnitTest python-unittest", "5 passed, 0 failed, 1 skipped")]);
    }

    [Fact]
    public void Failing_ids_are_listed_once_and_the_rerun_command_is_quoted_for_bash()
    {
        var lines = TestSummary.Lines("UnitTest", [
            new SuiteResult("a-ctypes", 1, 2, 0, ["t.py::test_x", "t.py::test_p[a b]"]),
            new SuiteResult("a-cython", 1, 1, 0, ["t.py::test_x"]),
        ], Prefix, Select);
        lines.Select(l => l.Key)
            .ShouldBe(["UnitTest a-ctypes", "UnitTest a-cython", "UnitTest failed", "UnitTest rerun"]);
        lines[2].Value.ShouldBe($"2 tests{Environment.NewLine}  t.py::test_x{Environment.NewLine}  t.py::test_p[a b]");
        lines[3].Value
            .ShouldBe("./build.sh UnitTest --skip --tvm-home /t/tvm --tests t.py::test_x 't.py::test_p[a b]'");
    }

    [Fact]
    public void More_than_twenty_failures_list_and_rerun_the_first_twenty()
    {
        var ids = Enumerable.Range(1, 25).Select(i => $"Suite.T{i}").ToList();
        var lines = TestSummary.Lines("CppTest", [new SuiteResult("cpptest", 0, 25, 0, ids)],
            ["./build.sh", "CppTest", "--skip"], listed => ["--test-filter", string.Join(':', listed)]);
        lines[1].Value.ShouldStartWith("25 tests (the first 20; all are in the JUnit files)");
        lines[1].Value.ShouldContain("Suite.T20");
        lines[1].Value.ShouldNotContain("Suite.T21");
        lines[2].Key.ShouldBe("CppTest rerun (the 20 listed)");
        lines[2].Value.ShouldEndWith(
            "--test-filter Suite.T1:Suite.T2:Suite.T3:Suite.T4:Suite.T5:Suite.T6:Suite.T7:Suite.T8:Suite.T9:" +
            "Suite.T10:Suite.T11:Suite.T12:Suite.T13:Suite.T14:Suite.T15:Suite.T16:Suite.T17:Suite.T18:Suite.T19:" +
            "Suite.T20");
    }
}
