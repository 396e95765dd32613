using Shouldly;
using TvmBuild.Tests.Support;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>dev/lint/test: node's own tests (node:test) of the ruff driver's helpers (whole fixes in ruff's order, the
/// token list read strictly, globset's globs) and of <c>ruff.cjs --fix</c> with the pinned WebAssembly build.</summary>
public class LintNodeTests
{
    [LintToolsFact]
    public void Node_tests_of_the_ruff_driver_pass()
    {
        // Lint installs the fixture's pinned ruff into this run's cache, where ruff.test.cjs finds it (else it skips).
        var install = Run("Lint", "--tvm-home", GitTree.CommittedFixture(), "--all", "--linters", "ruff-format");
        Directory.GetDirectories(Path.Combine(CacheHome, "tvm-build", "npm"), "@astral-sh+ruff-wasm-nodejs@*")
            .ShouldNotBeEmpty(install.ToString());
        // The files, not their folder: node 21 on reads --test arguments as globs, and would run a folder as a file.
        var files = Directory.GetFiles(Path.Combine(RepoRoot, "dev", "lint", "test"), "*.test.cjs").Order().ToList();
        files.Count.ShouldBeGreaterThanOrEqualTo(4);
        var (code, output) = Processes.Run("node", ["--test", "--test-reporter=tap", .. files], RepoRoot,
            new Dictionary<string, string?> { ["XDG_CACHE_HOME"] = CacheHome });
        code.ShouldBe(0, output);
        output.ShouldContain("\n# fail 0\n");
        output.ShouldContain("\n# skipped 0\n");
    }
}
