using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.InProcessBuild;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>The targets behind TVM's CI steps that had none: task_java_unittest.sh, task_web_wasm.sh and main.yml's
/// wheel jobs, by the commands they print.</summary>
[Collection(nameof(InProcessCollection))]
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

    [Fact]
    public void InstallWheel_fails_when_the_wheel_replaces_the_environments_tvm_ffi_as_main_yml_asserts()
    {
        var tree = Trees.CopyFixture();
        Directory.CreateDirectory(Path.Combine(tree, "dist"));
        File.WriteAllText(Path.Combine(tree, "dist", "apache_tvm-0.1-py3-none-any.whl"), "");
        // A python whose pip install of the wheel brings another tvm-ffi (what installing without --no-deps does).
        var python = Path.Combine(TempDirectory(), "python3");
        var installed = Path.Combine(tree, "installed");
        File.WriteAllText(python, $$"""
            #!/bin/sh
            case "$*" in
              *"version('apache-tvm-ffi')"*) if [ -e {{installed}} ]; then echo 0.2.0; else echo 0.1.13; fi ;;
              *"requires('apache-tvm')"*) echo 'apache-tvm-ffi>=0.1.13' ;;
              *"pip install --no-deps"*) touch {{installed}} ;;
            esac
            """.Replace("\r\n", "\n"));
        File.SetUnixFileMode(python, (UnixFileMode)0b111_101_101);

        var result = Run("InstallWheel", "--skip", "--tvm-home", tree, "--python", python);

        result.ExitCode.ShouldNotBe(0, result.ToString());
        result.Output.ShouldContain("Installing the wheel replaced apache-tvm-ffi 0.1.13 with 0.2.0.");
        File.Delete(installed);
        File.WriteAllText(python, File.ReadAllText(python).Replace("touch", "true"));
        var kept = Run("InstallWheel", "--skip", "--tvm-home", tree, "--python", python);
        kept.ExitCode.ShouldBe(0, kept.ToString());
        kept.Output.ShouldContain("apache-tvm-ffi 0.1.13 kept; the wheel requires it");
    }
}
