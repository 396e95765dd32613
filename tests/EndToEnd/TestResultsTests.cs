using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>What a failing test run tells its user: counts per suite, the failing ids and one command that reruns only
/// them (pasted into bash here, as a user would); arguments after -- and --test-filter reach pytest and gtest.
/// Real pytest, cmake, ninja, g++ and GoogleTest on copies of the fixture.</summary>
public class TestResultsTests
{
    private const string BrokenPython = """
        import pytest


        def test_fails():
            assert 1 == 2


        @pytest.mark.parametrize("value", [1, "a b"])
        def test_param(value):
            assert value == 1


        @pytest.mark.skip(reason="demo")
        def test_skipped():
            pass


        class TestGroup:
            def test_method(self):
                assert False
        """;

    private const string BrokenGtest = """
        #include <gtest/gtest.h>

        TEST(Broken, Fails) { EXPECT_EQ(1, 2); }
        TEST(Broken, Skips) { GTEST_SKIP() << "demo"; }
        TEST(Broken, DISABLED_Off) {}
        class Sizes : public ::testing::TestWithParam<int> {};
        TEST_P(Sizes, Even) { EXPECT_EQ(GetParam() % 2, 0); }
        INSTANTIATE_TEST_SUITE_P(Small, Sizes, ::testing::Values(2, 3));
        """;

    private static string TreeWith(string file, string text)
    {
        var tree = Trees.CopyFixture();
        File.WriteAllText(Path.Combine(tree, file), text);
        return tree;
    }

    /// <summary>The rerun line under the summary table, and what pasting it into bash (in the repository)
    /// shows.</summary>
    private static (string Command, ScriptResult Result) Rerun(ScriptResult first, string target)
    {
        var prefix = $"{target} rerun: ";
        var line = first.Output.Split('\n').Select(l => l.TrimEnd('\r'))
            .Single(l => l.StartsWith(prefix))[prefix.Length..];
        return (line, Run(["-c", line], script: "/bin/bash"));
    }

    private static List<string> TestCases(string junit) =>
        System.Xml.Linq.XDocument.Load(junit).Descendants("testcase")
            .Select(t => $"{t.Attribute("classname")?.Value}::{t.Attribute("name")?.Value}").ToList();

    [Fact]
    public void A_failing_pytest_gives_counts_the_failing_ids_and_a_command_that_reruns_only_them()
    {
        var tree = TreeWith("tests/python/unittest/test_broken.py", BrokenPython);
        var result = Run("UnitTest", "--tvm-home", tree, "--compiler-cache", "none");
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain("UnitTest python-unittest: 6 passed, 3 failed, 1 skipped");
        result.Output.ShouldContain("""
            UnitTest failed: 3 tests
              tests/python/unittest/test_broken.py::test_fails
              tests/python/unittest/test_broken.py::test_param[a b]
              tests/python/unittest/test_broken.py::TestGroup::test_method
            """.ReplaceLineEndings());
        result.Output
            .ShouldMatch(@"UnitTest\s+Failed.+// 1 of 1 pytest runs failed: python-unittest \(3 tests failed; JUnit: ");

        var (command, again) = Rerun(result, "UnitTest");
        command.ShouldBe($"./build.sh UnitTest --skip --tvm-home {tree} --tests " +
            "tests/python/unittest/test_broken.py::test_fails " +
            "'tests/python/unittest/test_broken.py::test_param[a b]' " +
                "tests/python/unittest/test_broken.py::TestGroup::test_method");
        again.ExitCode.ShouldBe(255);
        again.Output.ShouldMatch(@"Compile\s+Skipped");
        again.Output.ShouldContain("UnitTest python-unittest-selected: 0 passed, 3 failed, 0 skipped");
        TestCases(Path.Combine(tree, "build-cpu", "pytest-results", "python-unittest-selected.xml")).ShouldBe([
            "tests.python.unittest.test_broken::test_fails",
            "tests.python.unittest.test_broken::test_param[a b]",
            "tests.python.unittest.test_broken.TestGroup::test_method",
        ]);
    }

    [Fact]
    public void Arguments_after_the_double_dash_reach_pytest()
    {
        var tree = TreeWith("tests/python/unittest/test_broken.py", BrokenPython);
        var result = Run("UnitTest", "--tvm-home", tree, "--compiler-cache", "none", "--", "-x");
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain("-vvs -m 'not gpu' tests/python -x -o junit_suite_name=python-unittest");
        // -x: stopped at the first failure
        result.Output.ShouldContain("UnitTest python-unittest: 5 passed, 1 failed, 0 skipped");
        result.Output.ShouldContain("--tests tests/python/unittest/test_broken.py::test_fails" + Environment.NewLine);
    }

    [Fact]
    public void A_pytest_usage_error_is_quoted_in_the_summary()
    {
        var result = Run("UnitTest", "--tvm-home", Fixture, "--build-dir", TempDirectory(), "--compiler-cache", "none",
            "--", "--no-such-option");
        result.ExitCode.ShouldBe(255);
        result.Output
            .ShouldContain("python-unittest (pytest exit 4: unrecognized arguments: --no-such-option; it wrote no " +
                "JUnit XML)");
    }

    [Fact]
    public void A_failing_gtest_gives_counts_the_failing_ids_and_a_command_that_reruns_only_them()
    {
        var tree = TreeWith("tests/cpp/broken_test.cc", BrokenGtest);
        var result = Run("CppTest", "--tvm-home", tree, "--compiler-cache", "none");
        result.ExitCode.ShouldBe(255);
        result.Output
            .ShouldContain($"{tree}/build-cpu/cpptest --gtest_output=xml:{tree}/build-cpu/pytest-results/cpptest.xml");
        result.Output.ShouldContain("CppTest cpptest: 4 passed, 2 failed, 2 skipped");
        result.Output.ShouldContain(
            $"CppTest failed: 2 tests{Environment.NewLine}  Broken.Fails{Environment.NewLine}  Small/Sizes.Even/1");
        result.Output.ShouldMatch(@"CppTest\s+Failed.+// 2 C\+\+ tests failed \(cpptest; JUnit: ");

        var (command, again) = Rerun(result, "CppTest");
        command.ShouldBe($"./build.sh CppTest --skip --tvm-home {tree} --test-filter Broken.Fails:Small/Sizes.Even/1");
        again.ExitCode.ShouldBe(255);
        again.Output.ShouldContain("--gtest_filter=Broken.Fails:Small/Sizes.Even/1");
        again.Output.ShouldContain("[==========] 2 tests from 2 test suites ran.");
        again.Output.ShouldContain("CppTest cpptest: 0 passed, 2 failed, 0 skipped");
    }

    [Fact]
    public void Test_filter_and_the_arguments_after_the_double_dash_reach_the_gtest_binary()
    {
        var build = TempDirectory();
        var result = Run("CppTest", "--tvm-home", Fixture, "--build-dir", build, "--compiler-cache", "none",
            "--test-filter", "FixtureRuntime.*", "--", "--gtest_repeat=2");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output
            .ShouldContain($"{build}/cpptest --gtest_output=xml:{build}/pytest-results/cpptest.xml " +
                "'--gtest_filter=FixtureRuntime.*' --gtest_repeat=2");
        result.Output.ShouldContain("Repeating all tests (iteration 2)");
        result.Output.ShouldContain("CppTest cpptest: 1 passed, 0 failed, 0 skipped");
        result.Output.ShouldNotContain("CppTest rerun");
    }
}
