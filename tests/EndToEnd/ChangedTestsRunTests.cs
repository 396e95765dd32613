using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.GitTree;
using static TvmBuild.Tests.Support.InProcessBuild;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>UnitTest --changed and --changed-only on a committed fixture, checked at the argv pytest would get
/// (--dry-run).</summary>
[Collection(nameof(InProcessCollection))]
public class ChangedTestsRunTests
{
    [Fact]
    public void Changed_test_files_run_first_and_the_rest_without_them_and_nothing_changed_runs_nothing()
    {
        var tree = CommittedFixture();
        var unittest = Path.Combine(tree, "tests", "python", "unittest");
        File.AppendAllText(Path.Combine(unittest, "test_basic.py"), "# edited\n");
        File.WriteAllText(Path.Combine(unittest, "test_new.py"), "def test_new():\n    pass\n");
        File.AppendAllText(Path.Combine(tree, "python", "tvm", "__init__.py"), "# not a test file\n");
        string[] skip = ["--skip", "Compile", "Configure", "--python", "python3"];

        var result = Run(["UnitTest", "--changed", "--tvm-home", tree, "--dry-run", .. skip]);

        result.ExitCode.ShouldBe(0, result.ToString());
        const string changed = "tests/python/unittest/test_basic.py";
        const string added = "tests/python/unittest/test_new.py";
        result.Output.ShouldContain($"-vvs -m 'not gpu' {changed} {added} -o junit_suite_name=python-unittest-changed");
        result.Output.ShouldContain($"-vvs -m 'not gpu' tests/python --ignore={changed} --ignore={added} -o " +
            "junit_suite_name=python-unittest ");
        result.Output.ShouldContain($"UnitTest --changed: 2 test files changed since HEAD, run first: {changed}: " +
            $"changed, {added}: new");
        result.Output.IndexOf("python-unittest-changed").ShouldBeLessThan(result.Output.IndexOf("--ignore="));

        Git(tree, "add", "-A");
        Git(tree, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "-m", "the change");
        var none = Run(["UnitTest", "--changed-only", "--tvm-home", tree, "--dry-run", .. skip]);
        none.ExitCode.ShouldBe(0, none.ToString());
        none.Output.ShouldContain("UnitTest --changed: no test file changed since HEAD: nothing ran (--changed-only)");
        none.Output.ShouldNotContain("-m pytest");
    }
}
