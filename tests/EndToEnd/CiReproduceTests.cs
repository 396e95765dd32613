using System.Text.RegularExpressions;
using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>One command reproduces a stage of TVM's CI: by the name Jenkins shows, with what it needs, in its image
/// with the environment of TVM's tests/scripts/ci.py and task_build.py (the docker argv, through the fake
/// docker).</summary>
public class CiReproduceTests
{
    private const string CpuImage = "tlcpack/ci-cpu:20260101-000000-fixture";

    /// <summary>The `docker run` lines a dry run printed, in order.</summary>
    private static List<string> DockerRuns(ScriptResult result) =>
        result.Output.Split('\n').Where(l => l.StartsWith("docker run ")).ToList();

    [Fact]
    public void A_stage_with_its_needs_dry_runs_build_then_tests_in_the_image_with_the_ci_py_environment()
    {
        var result = Run(["CiTask", "--name", "unittest: CPU", "--with-needs", "--dry-run", "--tvm-home", Fixture],
            new FakeDocker().Environment());

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain(
            "CI task build-cpu (\"BUILD: CPU\"): in ci_cpu (as CI runs it; docker answers here)");
        var runs = DockerRuns(result);
        runs.Count.ShouldBe(6, result.ToString()); // configure + build, twice; cpptest; pytest
        runs.ShouldAllBe(r => r.Contains($" {CpuImage} bash --login /docker/with_the_same_user "));
        runs.ShouldAllBe(r => r.Contains("--env PLATFORM=cpu") && r.Contains("--env VERBOSE=false")
            && r.Contains($"--env TVM_LIBRARY_PATH={Fixture}/build-cpu"));
        string[] sccache = ["--env CC=/opt/sccache/cc", "--env CXX=/opt/sccache/c++", "--env SCCACHE_CACHE_SIZE=50G",
            "--env SCCACHE_SERVER_PORT=4226"];
        var build = runs.Take(4).ToList();
        build.ShouldAllBe(r => Regex.IsMatch(r, @"--name (ci-build-cpu-[a-z]{5}) --hostname \1 "));
        build.ShouldAllBe(r => sccache.All(r.Contains));
        build[0].ShouldEndWith($"cmake -S {Fixture} -B {Fixture}/build-cpu -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo");
        const string server = "sh -c 'sccache --start-server; \"$@\"; status=$?; sccache --show-stats; exit $status'";
        build[1].ShouldContain($"{server} sccache-build cmake --build {Fixture}/build-cpu --parallel");
        build[3].ShouldContain($"cmake --build {Fixture}/build-cpu --target cpptest --parallel");
        var tests = runs.Skip(4).ToList();
        tests.ShouldAllBe(r => Regex.IsMatch(r, @"--name (ci-unittest-[a-z]{5}) --hostname \1 ")
            && r.Contains("--env 'TEST_STEP_NAME=unittest: CPU'"));
        tests[0].ShouldEndWith($"{Fixture}/build-cpu/cpptest " +
            $"--gtest_output=xml:{Fixture}/build-cpu/pytest-results/cpptest.xml");
        tests[1].ShouldContain("python3 -m pytest");
        result.Output.ShouldNotContain("SCCACHE_BUCKET",
            customMessage: "no AWS credentials here: sccache keeps its local cache");
    }

    [Fact]
    public void With_aws_credentials_sccache_gets_the_bucket_and_the_credentials_by_name()
    {
        var credentials = new FakeDocker().Environment(new()
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIAFAKEFAKE", ["AWS_SECRET_ACCESS_KEY"] = "not-to-be-printed",
        });
        var result = Run(["CiTask", "--name", "build-cpu", "--dry-run", "--tvm-home", Fixture], credentials);
        result.ExitCode.ShouldBe(0, result.ToString());
        var build = DockerRuns(result).Where(r => r.Contains("cmake --build")).ToList();
        build.Count.ShouldBe(2);
        build.ShouldAllBe(r => r.Contains("--env SCCACHE_BUCKET=tvm-sccache-prod ")
            && r.Contains("--env SCCACHE_REGION=us-west-2 ")
            && r.Contains("--env AWS_ACCESS_KEY_ID --env AWS_SECRET_ACCESS_KEY "));
        result.Output.ShouldNotContain("AKIAFAKEFAKE");
        result.Output.ShouldNotContain("not-to-be-printed");
    }

    [Fact]
    public void The_gpu_build_runs_without_gpus_and_builds_the_runtime_of_the_gpu_other_config()
    {
        var result = Run(["CiTask", "--name", "BUILD: GPU", "--dry-run", "--tvm-home", Fixture],
            new FakeDocker().Environment());
        result.ExitCode.ShouldBe(0, result.ToString());
        var runs = DockerRuns(result);
        runs.Count.ShouldBe(4);
        runs.ShouldAllBe(r => r.Contains(" tlcpack/ci-gpu:20260101-000000-fixture ") && !r.Contains("--gpus"));
        runs[2].ShouldContain($"-B {Fixture}/build-gpu_other ");
        runs[3].ShouldContain($"cmake --build {Fixture}/build-gpu_other --target tvm_runtime");
        result.Output.ShouldContain($"would write {Fixture}/build-gpu_other/config.cmake (preset gpu_other");

        var tests = Run(["CiTask", "--name", "unittest-gpu", "--dry-run", "--tvm-home", CiTests.CiTree()],
            new FakeDocker().Environment());
        tests.ExitCode.ShouldBe(0, tests.ToString());
        var testRuns = DockerRuns(tests);
        testRuns.ShouldAllBe(r => r.Contains("--gpus all"));
        testRuns.ShouldContain(r => r.Contains("mvn clean package -Plinux-x86_64") && r.Contains("-DskipTests"));
        testRuns.ShouldContain(r => r.Contains("--env 'TVM_TEST_TARGETS=cuda;metal;rocm;nvptx'")
            && r.Contains("-m gpu tests/python "));
        testRuns.ShouldContain(r => r.Contains("--env 'TVM_TEST_TARGETS={\"kind\":\"vulkan\",\"from_device\":0}'")
            && r.Contains("-m gpu tests/python/codegen/test_target_codegen_vulkan.py"));
    }

    [Fact]
    public void Locally_the_task_runs_in_its_image_only_when_an_engine_answers()
    {
        var silent = new FakeDocker().Environment(new() { ["FAKE_DOCKER_INFO_EXIT"] = "1" });
        var native = Run(["CiTask", "--name", "unittest", "--dry-run", "--tvm-home", Fixture], silent);
        native.ExitCode.ShouldBe(0, native.ToString());
        native.Output.ShouldContain("'docker info' failed (exit code 1: is its engine running?): " +
                                    "running CI task unittest on this machine, not in ci_cpu.");
        DockerRuns(native).ShouldBeEmpty();
        native.Output.ShouldContain($"{Fixture}/build-cpu/cpptest");

        var chosen = Run(["CiTask", "--name", "unittest", "--dry-run", "--tvm-home", Fixture, "--native"],
            new FakeDocker().Environment());
        chosen.Output.ShouldContain("CI task unittest (\"unittest: CPU\"): on this machine (--native)");
        DockerRuns(chosen).ShouldBeEmpty();

        var ci = Run(["CiTask", "--name", "unittest", "--dry-run", "--tvm-home", Fixture],
            new FakeDocker().Environment(new() { ["FAKE_DOCKER_INFO_EXIT"] = "1", ["CI"] = "true" }));
        ci.Output.ShouldContain("CI task unittest (\"unittest: CPU\"): in ci_cpu (as CI runs it)");
        DockerRuns(ci).Count.ShouldBe(2);
    }

    [Fact]
    public void The_image_pipeline_builds_each_image_and_starts_it_once()
    {
        var tree = CiTests.CiTree();
        var docker = new FakeDocker();
        // Jenkins' build 12 of pull request 7 (the tree is no git checkout: no commit in the tag).
        var jenkins = docker.Environment(new() { ["BRANCH_NAME"] = "PR-7", ["BUILD_NUMBER"] = "12" });
        var result = Run(["CiTask", "--name", "ci_gpu", "--tvm-home", tree], jenkins);
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain(
            "CI task image-ci-gpu (\"ci_gpu\"): on this machine (the task starts no container)");
        docker.Calls.Where(c => c[0] is "build" or "run").Select(c => c[0]).ShouldBe(["build", "run"]);
        docker.Calls.First(c => c[0] == "build").ShouldBe(
            ["build", "-t", "tvm.ci_gpu:PR-7-12", "--no-cache", "-f", $"{tree}/docker/Dockerfile.ci_gpu",
                $"{tree}/docker"]);
        var run = docker.Runs.Single();
        run.ShouldContain("tvm.ci_gpu:PR-7-12");
        run.TakeLast(5).ShouldBe(["bash", "--login", "/docker/with_the_same_user", "cmake", "--version"]);
        docker.Calls.ShouldNotContain(c => c[0] == "push" || c[0] == "login",
            "pushing needs TVM's registry credentials");
    }

    [Fact]
    public void The_windows_and_macos_jobs_build_the_wheel_and_run_the_minimal_tests_as_main_yml_does()
    {
        var windows = Run(["CiTask", "--name", "Windows", "--dry-run", "--tvm-home", Fixture]);
        windows.ExitCode.ShouldBe(0, windows.ToString());
        var commands = windows.Output.Split('\n')
            .Where(l => l.Contains(" -m pip ") || l.Contains(" -m pytest ")).ToList();
        string[] expected =
        [
            "python3 -m pip install scikit-build-core",
            "env 'CMAKE_ARGS=-DUSE_LLVM=ON -DBUILD_TESTING=OFF' " +
            $"CMAKE_BUILD_PARALLEL_LEVEL={Environment.ProcessorCount} " +
            $"python3 -m pip wheel --no-deps -w {Fixture}/dist . -v",
            "python3 -m pip install psutil cloudpickle ml_dtypes numpy packaging scipy tornado typing_extensions",
            $"python3 -m pip install --no-deps '{Fixture}/dist/apache_tvm-*.whl'",
            "python3 -m pytest -v tests/python/all-platform-minimal-test",
        ];
        commands.ShouldBe(expected.Select(c => $"cd {Fixture} && {c}").ToList());
        var macos = Run(["CiTask", "--name", "MacOS", "--dry-run", "--tvm-home", Fixture]);
        macos.ExitCode.ShouldBe(0, macos.ToString());
        macos.Output.Split('\n').Count(l => l.Contains(" -m pytest -v ")).ShouldBe(6); // minimal, 2 compile-only, 3 run
        macos.Output.ShouldContain("step 3/4: env PYTEST_ADDOPTS=-s ./build.sh WheelTest");
    }

    [RequiresToolFact(".tools/pwsh", "dotnet tool install --tool-path .tools PowerShell (.ci/run does)")]
    public void The_windows_job_runs_through_build_ps1()
    {
        // What build.cmd runs on Windows, in a copy. The copy has this checkout's compiled build where its build.ps1
        // looks for it (the fingerprint build.sh and build.ps1 share); BootstrapInterruptTests has build.ps1 compile.
        var copy = TempDirectory("tvm-build-ps1-");
        try
        {
            foreach (var folder in new[] { ".nuke", "ci", "build" })
                CopyTree(Path.Combine(RepoRoot, folder), Path.Combine(copy, folder));
            File.Copy(Path.Combine(RepoRoot, "build.ps1"), Path.Combine(copy, "build.ps1"));
            File.Copy(Path.Combine(RepoRoot, "build.sh"), Path.Combine(copy, "build.sh"));
            EnsureCompiled();
            CopyTree(CompiledBuildFolder(RepoRoot), CompiledBuildFolder(copy));
            string[] args = ["CiTask", "--name", "windows", "--dry-run", "--tvm-home", Fixture];
            var (code, output) = Processes.Run(Path.Combine(RepoRoot, ".tools", "pwsh"),
                ["-NoProfile", "-File", Path.Combine(copy, "build.ps1"), .. args], copy);
            code.ShouldBe(0, output);
            output.ShouldNotContain("compiling the build project");
            output.ShouldContain("CI task windows (\"Windows\"): on this machine (the task starts no container)");
            output.ShouldContain("python3 -m pytest -v tests/python/all-platform-minimal-test");
        }
        finally { Directory.Delete(copy, recursive: true); }
    }

    private static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        var folders = Directory.GetDirectories(source)
            .Where(d => Path.GetFileName(d) is not ("bin" or "obj" or "temp"));
        foreach (var folder in folders)
            CopyTree(folder, Path.Combine(target, Path.GetFileName(folder)));
    }
}
