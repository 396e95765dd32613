using Shouldly;
using TvmBuild.Engine;
using TvmBuild.Lint;
using TvmBuild.Tvm;
using Xunit;

namespace TvmBuild.Tests.Unit;

/// <summary>UnitTest --changed: which changed files are test files of the suite, and the pytest runs made of
/// them.</summary>
public class ChangedTestsTests
{
    [Fact]
    public void Only_existing_test_files_under_the_suites_paths_are_picked_each_with_why()
    {
        var root = AbsolutePath.Create(Directory.CreateTempSubdirectory("changed-tests-").FullName);
        string[] present = ["tests/python/a/test_x.py", "tests/python/b/y_test.py", "tests/lint/test_z.py",
            "python/tvm/foo.py", "tests/python/a/helper.py"];
        foreach (var path in present)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(root / path)!);
            File.WriteAllText(root / path, "");
        }
        var selection = new LintSelection([.. present, "tests/python/a/test_deleted.py"],
            new HashSet<string> { "tests/python/b/y_test.py" }, "files changed since HEAD", "HEAD");

        ChangedTests.Pick(selection, root, ["tests/python"])
            .ShouldBe([("tests/python/a/test_x.py", "changed"), ("tests/python/b/y_test.py", "new")]);
    }

    [Fact]
    public void The_changed_files_run_first_with_the_first_runs_options_and_the_rest_ignores_them()
    {
        var suite = new PytestRun { Name = "python-unittest", Args = ["-vvs", "-m", "not gpu", "tests/python"] };
        var runs = ChangedTests.Runs([suite], ["tests/python/a/test_x.py"], only: false, a => a == "tests/python");

        runs.Select(r => r.Name).ShouldBe(["python-unittest-changed", "python-unittest"]);
        runs[0].Args.ShouldBe(["-vvs", "-m", "not gpu", "tests/python/a/test_x.py"]);
        runs[1].Args.ShouldBe(["-vvs", "-m", "not gpu", "tests/python", "--ignore=tests/python/a/test_x.py"]);
        suite.Args.Count.ShouldBe(4); // the layout's own run is left as it was
        ChangedTests.Runs([suite], ["tests/python/a/test_x.py"], only: true, a => a == "tests/python")
            .Select(r => r.Name).ShouldBe(["python-unittest-changed"]);
    }
}
