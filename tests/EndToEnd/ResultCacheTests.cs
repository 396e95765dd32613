using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>The result cache as a contributor and CI meet it: a step whose inputs did not change is reused, with its
/// summary and outputs; a change inside its declared inputs runs it again and --explain names it; shared stores
/// (a real S3-compatible server and a real redis) give another checkout on another path its build.</summary>
public class ResultCacheTests
{
    private static ScriptResult Run(string cacheHome, string store, Dictionary<string, string?>? extra,
        params string[] args)
    {
        var environment = new Dictionary<string, string?>(extra ?? []) { ["XDG_CACHE_HOME"] = cacheHome };
        return BuildScript.Run([.. args, "--result-cache", store], environment);
    }

    [Fact]
    public void An_unchanged_task_is_reused_an_edit_outside_its_inputs_too_and_one_inside_runs_it_and_is_named()
    {
        var tree = Trees.CopyFixture();
        var cache = BuildScript.TempDirectory("tvm-build-results-");
        string[] unittest = ["CiTask", "--name", "unittest", "--with-needs", "--native", "--tvm-home", tree];

        var first = Run(cache, "local", null, unittest);
        first.ExitCode.ShouldBe(0, first.ToString());
        first.Output.ShouldContain("Result cache: recorded CiTask");
        File.Delete(Path.Combine(tree, "build-cpu", "pytest-results", "python-unittest.xml"));

        File.AppendAllText(Path.Combine(tree, "README.md"), "\nan edit no task reads\n");
        var again = Run(cache, "local", null, unittest);
        again.ExitCode.ShouldBe(0, again.ToString());
        again.Output.ShouldMatch(@"CiTask: passed with these inputs at a tree outside git on \d{4}-\d\d-\d\d, " +
                                 "key [0-9a-f]{12}; --no-cache runs it");
        again.Output.ShouldNotContain("CI task unittest, step"); // nothing ran
        again.Output.ShouldContain("UnitTest python-unittest: 5 passed, 0 failed, 0 skipped"); // as the run said
        File.Exists(Path.Combine(tree, "build-cpu", "pytest-results", "python-unittest.xml")).ShouldBeTrue();

        File.AppendAllText(Path.Combine(tree, "python", "tvm", "__init__.py"), "\n# an edit the tests read\n");
        var edited = Run(cache, "local", null, [.. unittest, "--explain"]);
        edited.ExitCode.ShouldBe(0, edited.ToString());
        edited.Output.ShouldContain("path python changed: python/tvm/__init__.py edited");
        edited.Output.ShouldContain("CI task unittest, step 2/2");

        // A damaged entry is named and ignored: the task runs.
        foreach (var entry in Directory.GetFiles(Path.Combine(cache, "tvm-build", "entries")))
            File.WriteAllText(entry, File.ReadAllText(entry)[..40]);
        var damaged = Run(cache, "local", null, unittest);
        damaged.ExitCode.ShouldBe(0, damaged.ToString());
        damaged.Output.ShouldMatch("the entry for CiTask \\(key [0-9a-f]{12}\\) is corrupt or truncated .*; " +
                                   "ignored, CiTask runs");
        damaged.Output.ShouldContain("CI task unittest, step 2/2");
    }

    [Fact]
    public void Lint_is_reused_on_the_same_files_and_runs_after_an_edit_or_with_fix()
    {
        var tree = Trees.CopyFixture();
        var cache = BuildScript.TempDirectory("tvm-build-results-");
        string[] lint = ["Lint", "--all", "--linters", "trailing-whitespace", "--tvm-home", tree];

        var first = Run(cache, "local", null, lint);
        first.ExitCode.ShouldBe(0, first.ToString());
        first.Output.ShouldContain("Result cache: recorded Lint");
        var again = Run(cache, "local", null, lint);
        again.ExitCode.ShouldBe(0, again.ToString());
        again.Output.ShouldContain("Lint: passed with these inputs");
        again.Output.ShouldContain("Lint: 0 problems, 0 files fixed, 0 linters skipped");
        again.Output.ShouldNotContain("trailing-whitespace     "); // no table: nothing ran

        File.AppendAllText(Path.Combine(tree, "README.md"), "a line with a trailing space \n");
        var edited = Run(cache, "local", null, [.. lint, "--explain"]);
        edited.ExitCode.ShouldBe(255, edited.ToString());
        edited.Output.ShouldContain("path . changed: README.md edited");
        edited.Output.ShouldContain("README.md:");

        var fix = Run(cache, "local", null, [.. lint, "--fix"]);
        fix.ExitCode.ShouldBe(0, fix.ToString());
        fix.Output.ShouldContain("Fixed README.md (trailing-whitespace)");
        Run(cache, "local", null, [.. lint, "--fix"]).Output.ShouldNotContain("passed with these inputs");
    }

    [RequiresToolFact("sphinx-build", "apt-get install python3-sphinx")]
    public void Docs_are_reused_with_their_pages_restored()
    {
        var tree = Trees.CopyFixture();
        var cache = BuildScript.TempDirectory("tvm-build-results-");
        var built = Run(cache, "local", null, "Docs", "--tvm-home", tree);
        built.ExitCode.ShouldBe(0, built.ToString());
        built.Output.ShouldContain("Result cache: recorded Docs");
        var html = Path.Combine(tree, "build-cpu", "docs", "html");
        Directory.Delete(html, recursive: true);

        var reused = Run(cache, "local", null, "Docs", "--tvm-home", tree);
        reused.ExitCode.ShouldBe(0, reused.ToString());
        reused.Output.ShouldContain("Docs: passed with these inputs");
        File.Exists(Path.Combine(html, "index.html")).ShouldBeTrue();
    }

    [Fact]
    public void A_test_task_takes_its_build_tasks_artifacts_from_the_shared_store_by_key_instead_of_a_stash()
    {
        using var redis = new Redis();
        // Trees whose libraries are where TVM main's CMake puts them, which are the files build-cpu produces.
        string Tree()
        {
            var tree = Trees.CopyFixture();
            Simulation.SimulationTree.MainLibraryLayout(tree);
            return tree;
        }
        var (ci, agent) = (Tree(), Tree());
        var build = Run(BuildScript.TempDirectory(), redis.Url, null,
            "CiTask", "--name", "build-cpu", "--native", "--tvm-home", ci);
        build.ExitCode.ShouldBe(0, build.ToString());
        build.Output.ShouldContain("Result cache: recorded CiTask");

        // A fresh agent: another path, an empty local cache, nothing stashed. What the generated Jenkinsfile runs.
        var fetch = Run(BuildScript.TempDirectory(), redis.Url, null,
            "CiTask", "--name", "build-cpu", "--from-cache", "--native", "--tvm-home", agent);
        fetch.ExitCode.ShouldBe(0, fetch.ToString());
        fetch.Output.ShouldContain("CiTask: passed with these inputs");
        fetch.Output.ShouldNotContain("CI task build-cpu (\"BUILD: CPU\")"); // nothing built
        File.ReadAllBytes(Path.Combine(agent, "build-cpu", "cpptest"))
            .ShouldBe(File.ReadAllBytes(Path.Combine(ci, "build-cpu", "cpptest")));
        var unittest = Run(BuildScript.TempDirectory(), "none", null,
            "CiTask", "--name", "unittest", "--native", "--tvm-home", agent);
        unittest.ExitCode.ShouldBe(0, unittest.ToString());
        unittest.Output.ShouldContain("[  PASSED  ] 3 tests.");

        // A change the build reads: no artifacts of these inputs, said in one line.
        var edited = Tree();
        File.AppendAllText(Path.Combine(edited, "src", "fixture.cc"), "\n// an edit the build reads\n");
        var missing = Run(BuildScript.TempDirectory(), redis.Url, null,
            "CiTask", "--name", "build-cpu", "--from-cache", "--native", "--tvm-home", edited);
        missing.ExitCode.ShouldNotBe(0);
        missing.Output.ShouldContain($"--from-cache: no result of these inputs is stored for CiTask in {redis.Url}");
        Directory.Exists(Path.Combine(edited, "build-cpu")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("s3")]
    [InlineData("redis")]
    public void A_checkout_on_another_path_gets_its_build_from_the_shared_store(string kind)
    {
        using var s3 = kind == "s3" ? new S3Server() : null;
        using var redis = kind == "redis" ? new Redis() : null;
        var store = s3 is not null ? $"s3://{S3Server.Bucket}/ci" : redis!.Url;
        var environment = s3?.Environment;
        var (ci, contributor) = (Trees.CopyFixture(), Trees.CopyFixture());

        var missing = Run(BuildScript.TempDirectory(), store, environment, "Compile", "--from-cache", "--tvm-home",
            contributor);
        missing.ExitCode.ShouldNotBe(0);
        missing.Output.ShouldContain($"--from-cache: no result of these inputs is stored for Compile in {store}");
        Directory.Exists(Path.Combine(contributor, "build-cpu")).ShouldBeFalse(); // not configured, not built

        var built = Run(BuildScript.TempDirectory(), store, environment, "Compile", "--tvm-home", ci);
        built.ExitCode.ShouldBe(0, built.ToString());
        built.Output.ShouldContain($"Result cache: recorded Compile (key");

        var fetched = Run(BuildScript.TempDirectory(), store, environment, "Compile", "--from-cache", "--tvm-home",
            contributor);
        fetched.ExitCode.ShouldBe(0, fetched.ToString());
        fetched.Output.ShouldContain("Compile: passed with these inputs");
        fetched.Output.ShouldNotContain("cmake --build");
        File.ReadAllBytes(Path.Combine(contributor, "build-cpu", "libtvm.so"))
            .ShouldBe(File.ReadAllBytes(Path.Combine(ci, "build-cpu", "libtvm.so")));
        new FileInfo(Path.Combine(contributor, "build-cpu", "cpptest")).UnixFileMode
            .HasFlag(UnixFileMode.UserExecute).ShouldBeTrue();
    }

    [Fact]
    public void A_store_that_is_down_costs_a_warning_and_the_step_runs()
    {
        var tree = Trees.CopyFixture();
        var result = Run(BuildScript.TempDirectory(), "redis://127.0.0.1:1", null,
            "Configure", "Compile", "--tvm-home", tree, "--cmake-target", "tvm_runtime");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("Result cache redis://127.0.0.1:1 is unavailable");
        result.Output.ShouldContain("cmake --build");
    }

    [Fact]
    public void From_cache_without_a_store_is_refused_before_anything_runs()
    {
        var tree = Trees.CopyFixture();
        var result = Run(BuildScript.TempDirectory(), "none", null, "Compile", "--from-cache", "--tvm-home", tree);
        result.ExitCode.ShouldNotBe(0);
        result.Output.ShouldContain("error: --from-cache takes the result from the result cache, and --result-cache " +
                                    "none names none");
        Directory.Exists(Path.Combine(tree, "build-cpu")).ShouldBeFalse();
    }

    [Fact]
    public void A_store_of_another_form_is_refused_in_one_line()
    {
        var result = Run(BuildScript.TempDirectory(), "ftp://host/x", null, "Compile", "--tvm-home",
            Trees.CopyFixture());
        result.ExitCode.ShouldNotBe(0);
        result.Output.ShouldContain("error: --result-cache 'ftp://host/x' is not a store tvm-build knows.");
        result.Output.ShouldContain("hint: Give none, local, s3://bucket/prefix or redis://host:port");
        result.Output.ShouldNotContain("   at ");
    }
}
