using Shouldly;
using TvmBuild.Ci;
using TvmBuild.Engine;
using TvmBuild.Tests.EndToEnd;
using TvmBuild.Tests.Support;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.Simulation;

/// <summary>The generated Jenkinsfile run as Jenkins runs it (tests/Simulation/jenkins-engine.groovy): Prepare, then
/// TVM's pipelines side by side, each stage on a fresh agent folder where `checkout scm` clones the pull request,
/// Jenkins' variables set (JENKINS_HOME: the tree is mounted at /workspace), every command in podman on the test
/// image under the CI images' names, and only the stashed files passed from a build to its tests. One run of the
/// catalog's Jenkinsfile with one more pipeline, whose build fails.</summary>
public class JenkinsSimulationTests
{
    // A task of a pipeline of its own whose build the pull request breaks (a CMake error in its build directory).
    private const string Planted = """
          build-planted:
            tvm: {pipeline: planted, stage: "BUILD: planted"}
            image: ci_arm
            agent: CPU
            environment: {PLATFORM: arm}
            steps:
              - {targets: [Compile], parameters: {preset: arm, build-dir: build-planted}}
            timeout: 30
            on: [code]

        """;

    [PodmanFact]
    public void Every_stage_passes_on_fresh_workspaces_with_the_stashes_and_a_planted_failure_stays_in_its_pipeline()
    {
        // The catalog and one more pipeline, whose build fails; the Jenkinsfile generated from it.
        const string wasm = "  # ---- wasm_jenkinsfile.groovy";
        var root = CiTests.ScratchRoot(c => c.Replace(wasm, Planted.Replace("\r\n", "\n") + wasm));
        var catalog = CatalogReader.Load(AbsolutePath.Create(Path.Combine(root, "ci", "catalog.yaml")), null, null);
        var jenkinsfile = Path.Combine(root, "ci", "Jenkinsfile");
        File.WriteAllText(jenkinsfile, Jenkinsfile.Generate(catalog, "test"));
        var tree = SimulationTree.Create(t => File.AppendAllText(Path.Combine(t, "CMakeLists.txt"),
            "if(CMAKE_BINARY_DIR MATCHES \"build-planted$\")\n  message(FATAL_ERROR \"planted failure\")\nendif()\n"));

        var run = Run(jenkinsfile, tree, root);

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Result.ShouldBe("FAILURE");
        run.Stages.ShouldBe(new Dictionary<string, string>
        {
            ["Prepare"] = "SUCCESS", ["cpu/Build"] = "SUCCESS", ["cpu/Test"] = "SUCCESS", ["gpu/Build"] = "SUCCESS",
            ["gpu/Test"] = "SUCCESS", ["arm/Build"] = "SUCCESS", ["wasm/Build"] = "SUCCESS",
            ["docker/Docker Image Build"] = "SUCCESS", ["planted/Build"] = "FAILURE",
        }, ignoreOrder: true);
        run.BuildSteps.Where(s => s.Code != 0).Select(s => s.Branch).ShouldBe(["planted/BUILD: planted"]);
        run.Output("planted/BUILD: planted").ShouldContain("planted failure");
        foreach (var step in run.BuildSteps)
        {
            step.Output.ShouldNotContain("Unknown", Case.Sensitive, step.Command);
            step.Output.ShouldNotContain("has no effect", Case.Sensitive, step.Command);
        }
        run.BuildSteps.Select(s => s.Command.Replace("./build.sh CiTask ", "")).ShouldBe([
            "--changes --verbosity quiet", "--name build-cpu", "--name unittest", "--name build-gpu",
            "--name unittest-gpu", "--name docs", "--name build-arm", "--name build-planted", "--name build-wasm",
            "--name image-ci-arm", "--name image-ci-cpu", "--name image-ci-gpu", "--name image-ci-wasm"],
            ignoreOrder: true);
        // Every task on an agent folder of its own, checked out there.
        var nodes = run.Of("node");
        nodes.Count.ShouldBe(13);
        nodes.Select(n => n[2]).Distinct().Count().ShouldBe(13);
        run.Of("checkout").ShouldAllBe(c => c[1] == "0");
        // Only the declared artifacts travel, and the tests run with them where they land.
        run.Of("stash").Single(s => s[1] == "build-cpu")[2]
            .ShouldBe("build-cpu/CMakeFiles/rules.ninja build-cpu/build.ninja build-cpu/config.cmake " +
                "build-cpu/cpptest build-cpu/lib/libtvm_compiler.so build-cpu/lib/libtvm_runtime.so");
        var unittest = run.Output("cpu/unittest: CPU");
        unittest.ShouldContain("/docker/with_the_same_user /workspace/build-cpu/cpptest");
        unittest.ShouldContain("[  PASSED  ] 3 tests.");
        unittest.ShouldContain("UnitTest python-unittest: 5 passed, 0 failed");
        run.Of("junit").Single(j => j[0] == "cpu/unittest: CPU").ShouldBe(["cpu/unittest: CPU", "2", "8"]);
        // Each build step's summary, and the task's, which repeats what its steps reported (the last one's line).
        run.Output("cpu/BUILD: CPU").Split('\n')
            .Count(l => l.Contains("Compiler cache: sccache: 1 hits, 3 misses (25% hits)")).ShouldBe(3);
        run.Output("gpu/docs: GPU").ShouldContain("doxygen stand-in");
        // Images of this build only: <branch>-<commit>-<build number>.
        var commit = Processes.Run("git", ["rev-parse", "--short=10", "HEAD"], tree).Output.Trim();
        run.Output("docker/ci_cpu").ShouldContain($"tvm.ci_cpu:PR-1-{commit}-3");
        Podman.Shell("podman ps -a --format '{{.Names}}'").Output.ShouldNotContain("ci-", Case.Sensitive,
            "no container is left behind");
    }

    [PodmanFact]
    public void With_a_shared_result_cache_tests_fetch_their_builds_by_key_and_nothing_is_stashed()
    {
        using var redis = new Redis();
        // The catalog's CPU pipeline (a build and its tests) is what this run is about.
        var root = CiTests.ScratchRoot(c =>
        {
            var cpu = c.IndexOf("  # ---- cpu_jenkinsfile.groovy", StringComparison.Ordinal);
            var next = c.IndexOf("  # ---- gpu_jenkinsfile.groovy", StringComparison.Ordinal);
            return c[..c.IndexOf("tasks:\n", StringComparison.Ordinal)]
                .Replace("  layouts: [main]", $"  layouts: [main]\n  result_cache: {redis.Url}")
                + "tasks:\n" + c[cpu..next];
        });
        var catalog = CatalogReader.Load(AbsolutePath.Create(Path.Combine(root, "ci", "catalog.yaml")), null, null);
        var jenkinsfile = Path.Combine(root, "ci", "Jenkinsfile");
        File.WriteAllText(jenkinsfile, Jenkinsfile.Generate(catalog, "test"));

        var run = Run(jenkinsfile, SimulationTree.Create(), root); // the Jenkinsfile sets TVM_BUILD_RESULT_CACHE

        run.Result.ShouldBe("SUCCESS", run.ToString());
        run.Stages.Keys.ShouldBe(["Prepare", "cpu/Build", "cpu/Test"], ignoreOrder: true);
        run.Of("stash").ShouldBeEmpty();
        run.Of("unstash").ShouldBeEmpty();
        var fetch = run.BuildSteps.Single(s => s.Branch == "cpu/unittest: CPU" && s.Command.Contains("--from-cache"));
        fetch.Command.ShouldBe("./build.sh CiTask --name build-cpu --from-cache");
        fetch.Output.ShouldContain("CiTask: passed with these inputs");
        var unittest = run.BuildSteps.Single(s => s.Branch == "cpu/unittest: CPU" && !s.Command.Contains("--from"));
        unittest.Output.ShouldContain("[  PASSED  ] 3 tests.");
        unittest.Output.ShouldContain("UnitTest python-unittest: 5 passed, 0 failed");
    }

    private static JenkinsRun Run(string jenkinsfile, string tree, string root)
    {
        var prepared = SimulationTree.PrepareImages();
        prepared.ShouldBeNull();
        var environment = new Dictionary<string, string?>(Podman.Environment)
        {
            ["TVM_DEV_DOCKER_MOUNTS"] = $"/usr /etc/alternatives {SimulationTree.Tools()}:/opt/sccache",
            ["TVM_BUILD_DOCKER_CLI"] = "podman",
            // Jenkins' own variables; JENKINS_URL also keeps build.sh from a background native compile, as on a server.
            ["JENKINS_HOME"] = "/var/jenkins", ["JENKINS_URL"] = "http://jenkins.example:8080/",
            ["BRANCH_NAME"] = "PR-1",
            ["CHANGE_TARGET"] = "main",
            ["BUILD_NUMBER"] = "3",
            ["XDG_CACHE_HOME"] = CacheHome,
            ["RUNNER_TVM_BUILD"] = root,
        };
        SimulationTree.WithoutCallersSettings(environment);
        return JenkinsRun.Start(jenkinsfile, tree, environment);
    }
}
