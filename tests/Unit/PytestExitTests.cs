using Shouldly;
using TvmBuild.Tvm;
using Xunit;

namespace TvmBuild.Tests.Unit;

/// <summary>Output lines as pytest 7.2 prints them.</summary>
public class PytestExitTests
{
    [Fact]
    public void Failed_tests_are_counted() =>
        PytestExit.Describe(1, "", new SuiteResult("s", 3, 2, 0, ["a", "b"])).ShouldBe("2 tests failed");

    [Fact]
    public void A_usage_error_is_quoted() =>
        PytestExit.Describe(4, "ERROR: usage: __main__.py [options] [file_or_dir] [file_or_dir] [...]\n" +
            "__main__.py: error: unrecognized arguments: --bogus\n  inifile: None\n", null)
            .ShouldBe("pytest exit 4: unrecognized arguments: --bogus");

    [Fact]
    public void A_missing_path_is_quoted() =>
        PytestExit.Describe(4, "ERROR: file or directory not found: tests/python/nope.py\n\n", null)
            .ShouldBe("pytest exit 4: file or directory not found: tests/python/nope.py");

    [Fact]
    public void An_interrupted_collection_is_quoted() =>
        PytestExit.Describe(2, "!!!!!!!!!!!!!!!!!!! Interrupted: 1 error during collection !!!!!!!!!!!!!!!!!!!!\n",
            new SuiteResult("s", 0, 1, 0, ["t.py"])).ShouldBe("pytest exit 2: Interrupted: 1 error during collection");

    [Fact]
    public void Nothing_collected_says_so() =>
        PytestExit.Describe(5, "", null).ShouldBe("pytest exit 5: no tests collected");
}
