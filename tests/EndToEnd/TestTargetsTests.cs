using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.EndToEnd.CompileAndTestTests;
using static TvmBuild.Tests.Support.InProcessBuild;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>What the test targets would run (--dry-run) and what they refuse before anything runs, and Clean,
/// in-process; <see cref="CompileAndTestTests"/> and <see cref="TestResultsTests"/> run the real tools.</summary>
[Collection(nameof(InProcessCollection))]
public class TestTargetsTests
{
    [Fact]
    public void A_python_without_pytest_is_named_with_the_package_to_install()
    {
        var directory = TempDirectory();
        var python = Path.Combine(directory, "python-without-pytest");
        File.WriteAllText(python, "#!/bin/sh\nexit 1\n");
        File.SetUnixFileMode(python, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var result = Run(On(TempDirectory(), "UnitTest", "--python", python, "--skip", "Compile", "Configure"));
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain($"{python} cannot import pytest.");
        result.Output.ShouldContain("apt-get install python3-pytest");
    }

    [Fact]
    public void IntegrationTest_on_tvm_main_says_where_those_tests_went()
    {
        var result = Run(On(TempDirectory(), "IntegrationTest", "--skip", "Compile", "Configure"));
        result.ExitCode.ShouldBe(255);
        result.Output
            .ShouldContain("The main layout of TVM has no integration tests script; its tests run under UnitTest.");
    }

    [Fact]
    public void The_2022_layout_runs_its_own_suites()
    {
        var tree = Trees.CopyFixtureAsV090();
        var result = Run("IntegrationTest", "--tvm-home", tree, "--dry-run");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain($"cd {tree}/python && env");
        result.Output.ShouldContain("setup.py build_ext --inplace");
        result.Output.ShouldContain($"cd {tree}/apps/extension && env");
        result.Output.ShouldContain("TVM_FFI=cython");
        // setup-pytest-env.sh's prefix, then the caller's PYTEST_ADDOPTS
        result.Output.ShouldContain("'PYTEST_ADDOPTS=-s -vv -p no:cacheprovider'");
        result.Output
            .ShouldContain("-m pytest tests/python/contrib/test_ethosu -n auto -o " +
                "junit_suite_name=python-integration-contrib-test_ethosu-ctypes");
        result.Output.ShouldContain("'TVM_TEST_TARGETS=llvm;cuda'");
    }

    [Fact]
    public void The_2022_layouts_apps_get_the_build_directory_instead_of_build()
    {
        var tree = Trees.CopyFixtureAsV090();
        var build = TempDirectory();
        var result = Run("CppTest", "IntegrationTest", "--tvm-home", tree, "--build-dir", build, "--test-filter", "A.*",
            "--dry-run");
        result.ExitCode.ShouldBe(0, result.ToString());
        // build_model.py imports tvm
        result.Output.ShouldContain($"--target cpptest --target crttest --target tvm --parallel");
        result.Output
            .ShouldContain($"ctest --gtest_death_test_style=threadsafe --output-junit " +
                $"{build}/pytest-results/ctest.xml -R '^(A\\..*)$'");
        // apps/bundle_deploy: CRT_ROOT defaults to ../../build/standalone_crt; build_model.py imports tvm.
        result.Output.ShouldMatch(
            $@"cd {tree}/apps/bundle_deploy && env .*PYTHONPATH={tree}/python .*TVM_LIBRARY_PATH={build} .*" +
            $@"make test_dynamic test_static CRT_ROOT={build}/standalone_crt\r?\n");
        // apps/extension and apps/dso_plugin_module link with -L${{TVM_ROOT}}/build.
        result.Output.ShouldMatch($@"cd {tree}/apps/extension && env .* make PKG_LDFLAGS=-L{build}\r?\n");
        result.Output.ShouldMatch($@"cd {tree}/apps/dso_plugin_module && env .* make PKG_LDFLAGS=-L{build}\r?\n");
        result.Output.ShouldNotContain($"{tree}/build/");
    }

    [Fact]
    public void Clean_removes_the_presets_build_dir_and_all_removes_every_one()
    {
        var tree = Trees.CopyFixture();
        foreach (var preset in new[] { "cpu", "wasm" })
            Run("Configure", "--config-only", "--tvm-home", tree, "--preset", preset).ExitCode.ShouldBe(0);
        Run("Clean", "--tvm-home", tree).ExitCode.ShouldBe(0);
        Directory.Exists(Path.Combine(tree, "build-cpu")).ShouldBeFalse();
        Directory.Exists(Path.Combine(tree, "build-wasm")).ShouldBeTrue();
        Run("Clean", "--tvm-home", tree, "--all").ExitCode.ShouldBe(0);
        Directory.Exists(Path.Combine(tree, "build-wasm")).ShouldBeFalse();
        Run("Clean", "--tvm-home", tree).Output.ShouldContain($"Nothing to clean in {tree}");
    }

    [Fact]
    public void A_tests_path_that_does_not_exist_is_refused_before_anything_runs()
    {
        var build = TempDirectory();
        var result = Run("UnitTest", "--tvm-home", Fixture, "--build-dir", build, "--tests",
            "tests/python/unittest/test_nope.py::test_x");
        result.ExitCode.ShouldBe(255);
        result.Output
            .ShouldContain($"error: --tests tests/python/unittest/test_nope.py::test_x: no such file or folder in " +
                $"{Fixture} (needed by UnitTest)");
        result.Output.ShouldNotContain("-m pytest");
        Directory.EnumerateFileSystemEntries(build).ShouldBeEmpty(); // not even configured

        var dryRun = Run("UnitTest", "--tvm-home", Fixture, "--build-dir", build, "--tests", "tests/python/nope",
            "--dry-run");
        dryRun.ExitCode.ShouldBe(0, dryRun.ToString()); // --dry-run shows the commands, and what a real run refuses
        dryRun.Output
            .ShouldContain($"[WRN] --tests tests/python/nope: no such file or folder in {Fixture}: a real run stops " +
                "here");
    }

    [Fact]
    public void Arguments_after_the_double_dash_that_no_planned_target_takes_are_named()
    {
        var result = Run("Compile", "--tvm-home", Fixture, "--build-dir", TempDirectory(), "--dry-run", "--", "-x");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output
            .ShouldContain("[WRN] The arguments after -- have no effect here: only Bisect, CppTest, DevShell, " +
                "IntegrationTest, UnitTest read them.");
        Run("UnitTest", "--tvm-home", Fixture, "--build-dir", TempDirectory(), "--dry-run", "--", "-x").Output
            .ShouldNotContain("have no effect");
    }

    [Fact]
    public void Arguments_after_the_double_dash_for_pytest_and_gtest_at_once_are_refused()
    {
        var result = Run("UnitTest", "CppTest", "--tvm-home", Fixture, "--build-dir", TempDirectory(), "--", "-x");
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain(
            "The arguments after -- would reach pytest (UnitTest) and the C++ tests (CppTest) alike; " +
            "run those targets separately.");
    }
}
