using System.Xml.Linq;
using Shouldly;
using TvmBuild.Engine;
using TvmBuild.Tvm;
using Xunit;

namespace TvmBuild.Tests.Unit;

/// <summary>Counts and failing ids from the JUnit XML pytest, a gtest binary and ctest write (shapes recorded from
/// pytest 7.2, GoogleTest 1.12 and CTest 3.25 on the fixture).</summary>
public class JUnitTests
{
    private static readonly AbsolutePath Root = TreeWith("tests/python/unittest/test_broken.py",
        "apps/extension/tests/test_ext.py");

    private static AbsolutePath TreeWith(params string[] files)
    {
        var root = AbsolutePath.Create(Directory.CreateTempSubdirectory("junit-tree-").FullName);
        foreach (var file in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(root / file)!);
            File.WriteAllText(root / file, "");
        }
        return root;
    }

    private static SuiteResult Parse(string xml, TestFramework framework, string? prefix = null) =>
        JUnit.Parse(XDocument.Parse(xml), "suite", framework, Root, prefix);

    [Fact]
    public void Pytest_classnames_become_node_ids_that_pytest_selects()
    {
        var result = Parse("""
            <testsuites><testsuite name="python-unittest">
              <testcase classname="tests.python.unittest.test_broken"
                        name="test_fails"><failure message="assert 1 == 2"/></testcase>
              <testcase classname="tests.python.unittest.test_broken"
                        name="test_param[a b]"><failure message="x"/></testcase>
              <testcase classname="tests.python.unittest.test_broken.TestGroup"
                        name="test_method"><error message="x"/></testcase>
              <testcase classname="tests.python.unittest.test_broken"
                        name="test_skipped"><skipped type="pytest.skip" message="demo"/></testcase>
              <testcase classname="tests.python.unittest.test_broken" name="test_ok"/>
            </testsuite></testsuites>
            """, TestFramework.Pytest);
        result.Counts.ShouldBe("1 passed, 3 failed, 1 skipped");
        result.FailedIds.ShouldBe([
            "tests/python/unittest/test_broken.py::test_fails",
            "tests/python/unittest/test_broken.py::test_param[a b]",
            "tests/python/unittest/test_broken.py::TestGroup::test_method",
        ]);
    }

    [Fact]
    public void The_junit_prefix_of_a_v090_run_and_a_collection_error_map_back_too()
    {
        var result = Parse("""
            <testsuites><testsuite name="python-integration-extensions-0-ctypes">
              <testcase classname="ctypes.apps.extension.tests.test_ext"
                        name="test_bind_add"><failure message="x"/></testcase>
              <testcase classname="ctypes"
                        name="tests.python.unittest.test_broken"><error message="collection failure"/></testcase>
            </testsuite></testsuites>
            """, TestFramework.Pytest, prefix: "ctypes");
        result.FailedIds
            .ShouldBe(["apps/extension/tests/test_ext.py::test_bind_add", "tests/python/unittest/test_broken.py"]);
    }

    [Fact]
    public void A_module_outside_the_tree_keeps_its_dotted_name() =>
        PytestIds.NodeId("elsewhere.test_x", "test_y", Root, null).ShouldBe("elsewhere.test_x::test_y");

    [Fact]
    public void Gtest_ids_are_suite_dot_name_and_disabled_or_skipped_tests_are_skipped()
    {
        var result = Parse("""
            <testsuites tests="6" failures="2" disabled="1" errors="0" name="AllTests">
              <testsuite name="Broken">
                <testcase name="Fails" status="run" result="completed"
                          classname="Broken"><failure message="x" type=""/></testcase>
                <testcase name="Skips" status="run" result="skipped"
                          classname="Broken"><skipped message="demo"/></testcase>
                <testcase name="DISABLED_Off" status="notrun" result="suppressed" classname="Broken" />
              </testsuite>
              <testsuite name="Small/Sizes">
                <testcase name="Even/0" value_param="2" status="run" result="completed" classname="Small/Sizes" />
                <testcase name="Even/1" value_param="3" status="run" result="completed"
                          classname="Small/Sizes"><failure message="x" type=""/></testcase>
              </testsuite>
              <testsuite name="FixtureRuntime">
                <testcase name="Add" status="run" result="completed" classname="FixtureRuntime" />
              </testsuite>
            </testsuites>
            """, TestFramework.Gtest);
        result.Counts.ShouldBe("2 passed, 2 failed, 2 skipped");
        result.FailedIds.ShouldBe(["Broken.Fails", "Small/Sizes.Even/1"]);
    }

    [Fact]
    public void Ctest_ids_are_the_names_gtest_discover_tests_registered()
    {
        var result = Parse("""
            <testsuite name="(empty)" tests="5" failures="2" disabled="1" skipped="1">
              <testcase name="Broken.Fails" classname="Broken.Fails" status="fail"><failure message=""/></testcase>
              <testcase name="Broken.Skips" classname="Broken.Skips"
                        status="notrun"><skipped message="SKIP_REGULAR_EXPRESSION_MATCHED"/></testcase>
              <testcase name="Broken.Off" classname="Broken.Off"
                        status="disabled"><system-out>Disabled</system-out></testcase>
              <testcase name="FixtureRuntime.Add" classname="FixtureRuntime.Add" status="run"/>
              <testcase name="Small/Sizes.Even/3" classname="Small/Sizes.Even/3"
                        status="fail"><failure message=""/></testcase>
              <testcase name="crttest_NOT_BUILT" classname="crttest_NOT_BUILT" time="0" status="notrun">
                <skipped message="Unable to find executable"/>
              </testcase>
            </testsuite>
            """, TestFramework.Ctest);
        // ctest fails a test it could not run (v0.9.0, cpptest not built)
        result.Counts.ShouldBe("1 passed, 3 failed, 2 skipped");
        result.FailedIds.ShouldBe(["Broken.Fails", "Small/Sizes.Even/3", "crttest_NOT_BUILT"]);
    }

    [Fact]
    public void A_missing_or_stale_file_is_no_result_and_a_cut_file_is_a_clear_error()
    {
        var file = Root / "results.xml";
        JUnit.Read(file, "x", TestFramework.Pytest, Root).ShouldBeNull();
        File.WriteAllText(file, "<testsuites><testsuite><testcase name='a' classname='b'/></testsuite></testsuites>");
        JUnit.Read(file, "x", TestFramework.Gtest, Root, since: DateTime.UtcNow.AddMinutes(1)).ShouldBeNull();
        JUnit.Read(file, "x", TestFramework.Gtest, Root)!.Counts.ShouldBe("1 passed, 0 failed, 0 skipped");
        File.WriteAllText(file, "<testsuites><testsuite><testcase");
        Should.Throw<BuildFailure>(() => JUnit.Read(file, "x", TestFramework.Gtest, Root)).Message
            .ShouldStartWith($"{file} is not valid JUnit XML");
    }
}
