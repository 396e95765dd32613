using System.Text.RegularExpressions;
using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.InProcessBuild;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>The CI catalog, CiTask and the generated Jenkinsfile and workflow, in-process; CiTask's steps and the real
/// parsers of the generated files are in <see cref="CiProcessTests"/>.</summary>
[Collection(nameof(InProcessCollection))]
public class CiTests
{
    /// <summary>A scratch build root with this repository's catalog and generated files, to change them
    /// safely.</summary>
    public static string ScratchRoot(Func<string, string>? editCatalog = null)
    {
        var root = TempDirectory();
        foreach (var folder in new[] { ".nuke", "ci", "docs", Path.Combine("ci", "workflows") })
            Directory.CreateDirectory(Path.Combine(root, folder));
        var catalog = File.ReadAllText(Path.Combine(RepoRoot, "ci", "catalog.yaml"));
        File.WriteAllText(Path.Combine(root, "ci", "catalog.yaml"), editCatalog?.Invoke(catalog) ?? catalog);
        foreach (var file in new[] { "ci/Jenkinsfile", "ci/workflows/ci.yml", "docs/ci.md" })
            File.Copy(Path.Combine(RepoRoot, file), Path.Combine(root, file));
        return root;
    }

    /// <summary>A copy of the fixture with what every task touches: the other images' Dockerfiles, TVM4J, the web
    /// runtime and a Doxyfile (all stand-ins).</summary>
    public static string CiTree()
    {
        var tree = Trees.CopyFixture();
        foreach (var image in new[] { "ci_arm", "ci_gpu", "ci_wasm" })
        {
            var docker = Path.Combine(tree, "docker");
            File.Copy(Path.Combine(docker, "Dockerfile.ci_cpu"), Path.Combine(docker, $"Dockerfile.{image}"));
        }
        Directory.CreateDirectory(Path.Combine(tree, "jvm"));
        Directory.CreateDirectory(Path.Combine(tree, "web"));
        File.WriteAllText(Path.Combine(tree, "jvm", "pom.xml"), "<project/>\n");
        File.WriteAllText(Path.Combine(tree, "web", "package.json"), "{}\n");
        File.WriteAllText(Path.Combine(tree, "docs", "Doxyfile"), "# fixture\n");
        return tree;
    }

    [Fact]
    public void The_committed_ci_files_are_what_the_catalog_generates()
    {
        var result = Run("GenerateCi", "--check");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("The generated files match ci/catalog.yaml");
    }

    [Fact]
    public void A_changed_catalog_makes_check_fail_with_a_unified_diff_and_generate_rewrites()
    {
        var root = ScratchRoot(c =>
            c.Replace("    timeout: 30\n", "    timeout: 31\n").Replace("agent: CPU-SMALL\n", "agent: CPU-TINY\n"));
        var check = Run("GenerateCi", "--check", "--root", root);
        check.ExitCode.ShouldBe(255);
        check.Output.ShouldContain("--- a/committed/ci/Jenkinsfile");
        check.Output.ShouldContain("+++ b/generated/ci/Jenkinsfile");
        check.Output.ShouldContain("-          runTask(name: 'unittest', agent: 'CPU-SMALL', timeout: 180,");
        check.Output.ShouldContain("+          runTask(name: 'unittest', agent: 'CPU-TINY', timeout: 180,");
        check.Output.ShouldContain("+    timeout-minutes: 31");
        check.Output.ShouldContain("+| cpu: `unittest: CPU` | `unittest` | Jenkins `CPU-TINY`, in `ci_cpu` |");
        check.Output.ShouldContain(
            "ci/Jenkinsfile, ci/workflows/ci.yml, docs/ci.md differ from what ci/catalog.yaml generates.");
        Run("GenerateCi", "--root", root).ExitCode.ShouldBe(0);
        Run("GenerateCi", "--check", "--root", root).ExitCode.ShouldBe(0);
    }

    [Fact]
    public void Generate_writes_only_the_files_whose_text_changes()
    {
        var root = ScratchRoot();
        var workflow = Path.Combine(root, "ci", "workflows", "ci.yml");
        var time = File.GetLastWriteTimeUtc(workflow);
        var same = Run("GenerateCi", "--root", root);
        same.ExitCode.ShouldBe(0, same.ToString());
        same.Output.ShouldContain("The generated files match ci/catalog.yaml: nothing to write");
        same.Output.ShouldNotContain("Wrote");

        // A Jenkins agent is in the Jenkinsfile and the docs' table, not in the GitHub workflow.
        var catalog = Path.Combine(root, "ci", "catalog.yaml");
        File.WriteAllText(catalog, File.ReadAllText(catalog).Replace("agent: CPU-SMALL\n", "agent: CPU-TINY\n"));
        var changed = Run("GenerateCi", "--root", root);
        changed.ExitCode.ShouldBe(0, changed.ToString());
        changed.Output.ShouldContain($"Wrote {Path.Combine(root, "ci", "Jenkinsfile")}");
        changed.Output.ShouldContain($"Wrote {Path.Combine(root, "docs", "ci.md")}");
        changed.Output.ShouldNotContain("ci.yml");
        File.GetLastWriteTimeUtc(workflow).ShouldBe(time);
    }

    [Fact]
    public void Every_step_of_the_generated_files_is_one_build_call()
    {
        var jenkinsfile = File.ReadAllText(Path.Combine(RepoRoot, "ci", "Jenkinsfile"));
        // The checkout's git commands (TVM's init_git) aside, every sh step is one build call.
        var commands = Regex.Matches(jenkinsfile, @"(?:command|script): '([^']*)'")
            .Select(m => m.Groups[1].Value).Where(c => !c.StartsWith("git ")).ToList();
        commands.Count.ShouldBe(12, string.Join("\n", commands)); // --changes, 4 builds, 3 tests, 4 images
        commands.ShouldAllBe(s => s.StartsWith("./build.sh CiTask "));
        commands.ShouldContain("./build.sh CiTask --name unittest");
        jenkinsfile.ShouldContain("'unittest: CPU': {");
        jenkinsfile.ShouldContain("needs: ['build-cpu']");
        var workflow = File.ReadAllLines(Path.Combine(RepoRoot, "ci", "workflows", "ci.yml"));
        var runs = workflow.Where(l => l.TrimStart().StartsWith("- run:")).ToList();
        runs.Count.ShouldBe(3); // lint, MacOS, Windows
        runs.ShouldAllBe(l => Regex.IsMatch(l, @"- run: ""(\./build\.sh|build\.cmd) CiTask --name [a-z-]+""$"));
        workflow.ShouldContain(l => l.Contains("\"build.cmd CiTask --name windows\""));
        workflow.Where(l => l.Contains("uses: actions/")).ShouldAllBe(l => Regex.IsMatch(l, "@[0-9a-f]{40} "));
    }

    [Fact]
    public void CiTask_on_a_v090_tree_says_in_one_line_that_the_catalog_models_main_and_runs_nothing()
    {
        var tree = Trees.CopyFixtureAsV090();
        var result = Run("CiTask", "--name", "unittest", "--tvm-home", tree, "--dry-run");
        result.ExitCode.ShouldNotBe(0);
        result.Output.ShouldContain($"models the CI of TVM main; {tree} is a v0.9.0 tree, whose CI is its own");
        result.Output.ShouldNotContain("CI task unittest");
        result.Output.ShouldNotContain("   at ");
    }

    [Fact]
    public void With_a_shared_result_cache_the_jenkinsfile_fetches_what_a_task_needs_by_key_and_stashes_nothing()
    {
        var root = ScratchRoot(c =>
            c.Replace("  layouts: [main]", "  layouts: [main]\n  result_cache: redis://ci-cache:6379"));
        var result = Run("GenerateCi", "--root", root);
        result.ExitCode.ShouldBe(0, result.ToString());
        var jenkinsfile = File.ReadAllText(Path.Combine(root, "ci", "Jenkinsfile"));
        jenkinsfile.ShouldContain("env.TVM_BUILD_RESULT_CACHE = 'redis://ci-cache:6379'");
        const string indent = "                  ";
        jenkinsfile.ShouldContain($"{indent}needs: [], command: './build.sh CiTask --name unittest',\n" +
            $"{indent}fetch: ['./build.sh CiTask --name build-cpu --from-cache'],\n{indent}produces: '')\n");
        jenkinsfile.ShouldNotContain("produces: 'build-cpu/");
        File.ReadAllText(Path.Combine(root, "ci", "workflows", "ci.yml")).ShouldNotContain("--from-cache");
    }

    [Theory]
    [InlineData(new[] { "--name", "unitest" }, "Unknown CI task 'unitest'.", "Did you mean 'unittest'?")]
    [InlineData(new[] { "--name", "unitest: CPU" }, "Unknown CI task 'unitest: CPU'.", "Did you mean 'unittest: CPU'?")]
    [InlineData(new[] { "--name", "BUILD: GPUS" }, "Unknown CI task 'BUILD: GPUS'.", "Did you mean 'BUILD: GPU'?")]
    [InlineData(new[] { "--name", "unittest-gpu", "--shard", "3/2" },
        "--shard 3/2 does not fit task unittest-gpu, which has 1 shard.", "Give --shard I/1 with I from 1 to 1.")]
    public void Bad_ci_task_input_is_a_clear_error(string[] args, string message, string hint)
    {
        var result = Run(["CiTask", "--tvm-home", Fixture, "--native", .. args]);
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain(message);
        result.Output.ShouldContain(hint);
    }

    [Theory]
    [InlineData("targets: [Compile]}", "targets: [Compiel]}",
        "task 'build-cpu': unknown target 'Compiel' (Did you mean 'Compile'?")]
    [InlineData("    image: ci_wasm\n", "", "task 'build-wasm' has no image")]
    [InlineData("    needs: [build-cpu]\n", "    needs: [build-wasm-nope]\n",
        "task 'unittest' needs 'build-wasm-nope', which is not a task")]
    [InlineData("    needs: [build-cpu]\n", "    needs: [image-ci-cpu]\n",
        "task 'unittest' consumes the artifacts of 'image-ci-cpu', which produces none")]
    [InlineData("    agent: CPU\n", "    agent: CPU\n    needs: [unittest]\n",
        "tasks depend on each other in a cycle: build-cpu -> unittest -> build-cpu")]
    [InlineData("parameters: {all: true, strict: true}", "parameters: {all: true, strikt: true}",
        "task 'lint': unknown parameter '--strikt' (Did you mean '--strict'?")]
    [InlineData("    agent: CPU-SMALL\n", "    agnet: CPU-SMALL\n",
        "task 'unittest': unknown field \"agnet\" (Did you mean 'agent'?")]
    [InlineData("    agent: CPU-SMALL\n", "    agent: CPU-SMALL\n    stage: Build\n",
        "task 'unittest' (stage Build) needs 'build-cpu', which runs in stage Build, not before it")]
    [InlineData("stage: \"unittest: GPU\"", "stage: \"unittest: CPU\"",
        "task 'unittest-gpu': the name \"unittest: CPU\" is task 'unittest' already")]
    public void A_catalog_error_names_the_file_and_line(string from, string to, string message)
    {
        var root = ScratchRoot(c => c.Contains(from) ? Replace(c, from, to)
            : throw new InvalidOperationException($"catalog lacks: {from}"));
        var result = Run("GenerateCi", "--root", root);
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldMatch($@"{Regex.Escape(root)}/ci/catalog\.yaml:\d+: {Regex.Escape(message)}");
        File.ReadAllText(Path.Combine(root, "ci", "Jenkinsfile"))
            .ShouldBe(File.ReadAllText(Path.Combine(RepoRoot, "ci", "Jenkinsfile")),
            "a failed generation leaves the old files");
    }

    [Fact]
    public void Output_writes_the_ci_files_into_another_tree()
    {
        var tree = TempDirectory();
        Run("GenerateCi", "--output", tree).ExitCode.ShouldBe(0);
        File.ReadAllText(Path.Combine(tree, "ci", "Jenkinsfile"))
            .ShouldBe(File.ReadAllText(Path.Combine(RepoRoot, "ci", "Jenkinsfile")));
        File.Exists(Path.Combine(tree, ".github", "workflows", "ci.yml")).ShouldBeTrue();
        File.Exists(Path.Combine(tree, "docs", "ci.md")).ShouldBeFalse("the table documents this repository's catalog");
    }

    [Fact]
    public void Changes_reports_the_kinds_of_change_against_origin_main()
    {
        var tree = GitTree.CommittedFixture();
        GitTree.Git(tree, "update-ref", "refs/remotes/origin/main", "HEAD");
        Commit(tree, "docs/install.rst");
        Changes(tree, "PR-1").ShouldBe("docs", "docs only: the code tasks are skipped");
        Commit(tree, "src/fixture.cc");
        Changes(tree, "PR-1").ShouldBe("code docs");
        File.AppendAllText(Path.Combine(tree, "docker", "Dockerfile.ci_cpu"), "# more\n"); // not committed
        Changes(tree, "PR-1").ShouldBe("code docs docker", "the working tree counts, as in TVM's git diff");
        Changes(tree, "PR-1", "[skip ci] Try it").ShouldBe("none", "a [skip ci] pull request runs no task");
    }

    [Fact]
    public void Changes_on_main_asks_the_last_commit_about_the_images()
    {
        var tree = GitTree.CommittedFixture();
        Commit(tree, "docs/install.rst");
        GitTree.Git(tree, "update-ref", "refs/remotes/origin/main", "HEAD");
        // TVM's docs-only check diffs origin/main (empty on main), so the code tasks run; the images only when the
        // last commit changed docker/ (tests/data/tvm-change-decisions.json, "main: the last commit ...").
        Changes(tree, "main").ShouldBe("code docs");
        Commit(tree, "docker/Dockerfile.ci_cpu");
        GitTree.Git(tree, "update-ref", "refs/remotes/origin/main", "HEAD");
        Changes(tree, "main").ShouldBe("code docs docker");
    }

    [Fact]
    public void Changes_without_origin_main_warns_and_runs_everything()
    {
        var tree = GitTree.CommittedFixture();
        var lines = Run(["CiTask", "--changes", "--tvm-home", tree, "--verbosity", "quiet"],
            new() { ["BRANCH_NAME"] = "PR-1" }).Output.Trim().Split('\n');
        lines.Length.ShouldBe(2, string.Join("\n", lines));
        lines[0].ShouldStartWith($"warning: cannot compare {tree} with origin/main (git merge-base HEAD origin/main: ");
        lines[0].ShouldEndWith("printing every kind of change (code docs docker), so every task runs.");
        lines[1].ShouldBe("code docs docker");
    }

    private static void Commit(string tree, string file)
    {
        File.AppendAllText(Path.Combine(tree, file), "// more\n");
        GitTree.Git(tree, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", file);
    }

    private static string Changes(string tree, string branch, string? title = null) =>
        Run(["CiTask", "--changes", "--tvm-home", tree, "--verbosity", "quiet"],
            new() { ["BRANCH_NAME"] = branch, ["CHANGE_TITLE"] = title }).Output.Trim();

    /// <summary>The first occurrence only: catalog lines repeat between tasks.</summary>
    private static string Replace(string text, string from, string to)
    {
        var index = text.IndexOf(from, StringComparison.Ordinal);
        return text[..index] + to + text[(index + from.Length)..];
    }
}
