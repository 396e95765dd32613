using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>The targets behind TVM's CI steps that had none: task_java_unittest.sh, task_web_wasm.sh and main.yml's
/// wheel jobs, by the commands they print.</summary>
public class CiTargetsTests
{
    private static List<string> Lines(ScriptResult result, string contains) =>
        result.Output.Split('\n').Where(l => l.Contains(contains)).ToList();

    [Fact]
    public void JavaTest_packages_tvm4j_with_maven_in_the_image_as_task_jvm_build_sh_does()
    {
        var result = Run(["JavaTest", "--tvm-home", Fixture, "--docker", "ci_gpu", "--skip", "--dry-run"],
            new FakeDocker().Environment());
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain($"has no jvm/pom.xml"); // a warning under --dry-run
        var mvn = Lines(result, "docker run").Single();
        mvn.ShouldContain($"--workdir {Fixture}/jvm ");
        mvn.ShouldEndWith("mvn clean package -Plinux-x86_64 -Dcxx=g++ " +
            $"'-Dcflags=-Wall -O3 -I{Fixture}/include -I{Fixture}/3rdparty/tvm-ffi/3rdparty/dlpack/include -fPIC' " +
            $"-Dldflags= -Dcurrent_libdir={Fixture}/build-gpu -DskipTests -Dcheckstyle.skip=true");
    }

    [Fact]
    public void WebTest_runs_the_web_runtimes_npm_steps_in_order()
    {
        var result = Run(["WebTest", "--tvm-home", Fixture, "--docker", "ci_wasm", "--skip", "--dry-run"],
            new FakeDocker().Environment());
        result.ExitCode.ShouldBe(0, result.ToString());
        var web = Lines(result, $"--workdir {Fixture}/web ");
        // What follows docker/with_the_same_user: the command in the container.
        var commands = web.Select(l => l[(l.IndexOf("/docker/with_the_same_user ") + 27)..]);
        commands.ShouldBe(
        [
            "make clean", "npm install", "npm run lint", "npm run prepwasm", "npm run bundle", "npm run test",
            "npm run typedoc",
        ]);
        web.ShouldAllBe(l => l.Contains($"--env EM_CACHE={Fixture}/web/.emscripten_cache"));
    }

    [Fact]
    public void The_wheel_is_built_installed_and_tested_as_main_yml_does()
    {
        var result = Run(["InstallWheel", "WheelTest", "--tvm-home", Fixture, "--dry-run",
            "--cmake-option", "USE_LLVM=ON", "--cmake-option", "BUILD_TESTING=OFF", "--test-requirements", "ml_dtypes",
            "--tests", "tests/a", "tests/b"]);
        result.ExitCode.ShouldBe(0, result.ToString());
        Lines(result, " -m p").ShouldBe(new[]
        {
            "python3 -m pip install scikit-build-core",
            "env 'CMAKE_ARGS=-DUSE_LLVM=ON -DBUILD_TESTING=OFF' " +
            $"CMAKE_BUILD_PARALLEL_LEVEL={Environment.ProcessorCount} " +
            $"python3 -m pip wheel --no-deps -w {Fixture}/dist . -v",
            "python3 -m pip install ml_dtypes",
            $"python3 -m pip install --no-deps '{Fixture}/dist/apache_tvm-*.whl'",
            "python3 -m pytest -v tests/a",
            "python3 -m pytest -v tests/b",
        }.Select(c => $"cd {Fixture} && {c}"));
    }
}
