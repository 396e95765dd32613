using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>Real cmake, ninja, g++, pytest and gtest on the fixture TVM.</summary>
public class CompileAndTestTests
{
    internal static string[] On(string build, params string[] args) =>
        [.. args, "--tvm-home", Fixture, "--build-dir", build, "--compiler-cache", "none"];

    [Fact]
    public void Compile_configures_and_builds_then_an_up_to_date_tree_costs_no_cmake_configure()
    {
        var build = TempDirectory();
        var first = Run(On(build, "Compile"));
        first.ExitCode.ShouldBe(0, first.ToString());
        File.Exists(Path.Combine(build, "libtvm.so")).ShouldBeTrue();
        File.Exists(Path.Combine(build, "libtvm_runtime.so")).ShouldBeTrue();
        first.Output
            .ShouldContain($"> /usr/bin/cmake -S {Fixture} -B {build} -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo");

        var second = Run(On(build, "Compile"));
        second.ExitCode.ShouldBe(0);
        second.Output.ShouldContain("config.cmake is up to date (preset cpu)");
        second.Output.ShouldContain("CMake is configured for this config.cmake already");
        second.Output.ShouldNotContain("> /usr/bin/cmake -S");
        second.Output.ShouldContain("ninja: no work to do.");
    }

    [Fact]
    public void Compile_builds_only_the_cmake_target_asked_for()
    {
        var build = TempDirectory();
        var result = Run(On(build, "Compile", "--cmake-target", "runtime", "--parallel", "1"));
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain($"> /usr/bin/cmake --build {build} --target runtime --parallel 1");
        File.Exists(Path.Combine(build, "libtvm_runtime.so")).ShouldBeTrue();
        File.Exists(Path.Combine(build, "libtvm.so")).ShouldBeFalse();
    }

    [Fact]
    public void A_compile_error_fails_the_target_and_the_summary_quotes_the_first_error_with_file_and_line()
    {
        var tree = Trees.CopyFixture();
        var source = Path.Combine(tree, "src", "fixture.cc");
        var line = File.ReadAllLines(source).Length + 2;
        File.AppendAllText(source, "\nthis is not C++;\nint f() { return undefined_name; }\n");
        var build = Path.Combine(tree, "build-cpu");
        var result = Run("Compile", "--tvm-home", tree, "--compiler-cache", "none");
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain("undefined_name"); // the compiler's whole output is still there
        result.Output.ShouldMatch(
            $@"Compile\s+Failed.+// src/fixture\.cc:{line}:1: error: expected unqualified-id before .this.\r?\n");
        result.Output.ShouldMatch(
            $@"Hint: '/usr/bin/cmake --build {build} --parallel \d+' exited with code 1\. " +
            @"The compiler output is above");
    }

    [Fact]
    public void UnitTest_runs_pytest_as_tvm_main_does_and_writes_junit_under_the_build_dir()
    {
        var build = TempDirectory();
        var result = Run(On(build, "UnitTest"));
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldMatch(@"Using Python /\S+python3");
        result.Output.ShouldContain("-m pytest");
        result.Output.ShouldContain("-vvs -m 'not gpu' tests/python -o junit_suite_name=python-unittest");
        result.Output.ShouldContain("1 deselected");
        var junit = File.ReadAllText(Path.Combine(build, "pytest-results", "python-unittest.xml"));
        junit.ShouldContain("test_add");
        junit.ShouldContain("test_integration"); // main runs all of tests/python
    }

    [Fact]
    public void Tests_and_test_filter_narrow_the_run()
    {
        var build = TempDirectory();
        var result = Run(On(build, "UnitTest", "--tests", "tests/python/unittest/test_basic.py", "--test-filter",
            "add"));
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output
            .ShouldContain("-vvs -m 'not gpu' tests/python/unittest/test_basic.py -k add -o " +
                "junit_suite_name=python-unittest-selected");
        var junit = File.ReadAllText(Path.Combine(build, "pytest-results", "python-unittest-selected.xml"));
        junit.ShouldContain("test_add");
        junit.ShouldNotContain("test_integration");
    }

    [Fact]
    public void A_failing_test_fails_the_target_and_names_the_junit_file()
    {
        var build = TempDirectory();
        var result = Run(On(build, "UnitTest"), new() { ["TVM_TEST_MARKER"] = "gpu" });
        result.ExitCode.ShouldBe(255);
        result.Output
            .ShouldContain($"1 of 1 pytest runs failed: python-unittest (1 test failed; JUnit: " +
                $"{build}/pytest-results/python-unittest.xml)");
        result.Output.ShouldContain("UnitTest python-unittest: 0 passed, 1 failed, 0 skipped");
        result.Output.ShouldMatch(@"UnitTest\s+Failed");
    }

    [Fact]
    public void CppTest_builds_the_gtest_target_and_runs_it()
    {
        var build = TempDirectory();
        var result = Run(On(build, "CppTest"));
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain($"> /usr/bin/cmake --build {build} --target cpptest --parallel");
        result.Output.ShouldContain($"{build}/cpptest");
        result.Output.ShouldContain("[  PASSED  ] 3 tests.");
        result.Output.ShouldContain("CppTest cpptest: 3 passed, 0 failed, 0 skipped");
    }
}
