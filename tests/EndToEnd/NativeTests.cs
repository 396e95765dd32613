using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.InProcessBuild;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>--native: the CI preset made buildable on this machine, each change a set(...) line, remembered in the
/// build directory for later runs. The machine is a stand-in PATH, so each answer is known.</summary>
[Collection(nameof(InProcessCollection))]
public class NativeTests
{
    private static string ConfigCMake(string tree, string preset) =>
        File.ReadAllText(Path.Combine(tree, $"build-{preset}", "config.cmake"));

    [Fact]
    public void Native_turns_off_what_is_missing_and_points_llvm_at_an_accepted_one()
    {
        var tree = Trees.CopyFixture(); // main: cpu wants libdnnl, llvm-config-17 (15 to 22), /opt/tflite
        var machine = new FakeMachine().WithLlvm(16).WithLlvm(23).WithGcc(12);
        var result = Run(["Configure", "--tvm-home", tree, "--native", "--config-only"], machine.Environment);
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output
            .ShouldContain("--native: set(USE_DNNL OFF)   libdnnl.so is missing (apt-get install libdnnl-dev)");
        result.Output.ShouldContain(
            "--native: set(USE_LLVM \"llvm-config-16 --link-static\")   /usr/bin/llvm-config-17 is missing; " +
            "llvm-config-16 (LLVM 16) is the newest this tree accepts");
        result.Output.ShouldContain("--native: set(USE_TFLITE OFF)");
        var config = ConfigCMake(tree, "cpu");
        config.ShouldContain("set(USE_DNNL ON)\n"); // the preset's own lines stay, as TVM's script writes them
        config.ShouldEndWith("set(USE_DNNL OFF)  # --native: libdnnl.so is missing (apt-get install libdnnl-dev)\n" +
            "set(USE_LLVM \"llvm-config-16 --link-static\")  # --native: /usr/bin/llvm-config-17 is missing; " +
            "llvm-config-16 (LLVM 16) is the newest this tree accepts\n" +
            "set(USE_TFLITE OFF)  # --native: /tensorflow is missing (the CI image has /tensorflow)\n");
        config.ShouldNotContain("CMAKE_CXX_FLAGS \"\""); // cpu has no -Werror
    }

    [Fact]
    public void Native_keeps_what_the_machine_has_and_drops_werror_only_for_a_newer_compiler()
    {
        var tree = Trees.CopyFixture();
        var older = new FakeMachine().WithLibraries("dnnl").WithLlvm(15, staticLibraries: false).WithGcc(12);
        var result = Run(["Configure", "--tvm-home", tree, "--preset", "wasm", "--native", "--config-only"],
            older.Environment);
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldNotContain("--native:"); // llvm-config-15 is there, gcc 12 is older than CI's 13

        var newer = new FakeMachine().WithLlvm(15).WithGcc(14);
        var second = Run(["Configure", "--tvm-home", tree, "--preset", "wasm", "--native", "--config-only"],
            newer.Environment);
        second.Output.ShouldContain(
            "--native: set(CMAKE_CXX_FLAGS \"\")   g++ 14 is newer than CI's gcc 13, " +
            "whose warnings -Werror was set for");
        var cpu = Run(["Configure", "--tvm-home", tree, "--native", "--config-only"],
            new FakeMachine().WithLlvm(17, staticLibraries: false).WithGcc(12).Environment);
        cpu.Output.ShouldContain(
            "--native: set(USE_LLVM llvm-config-17)   /usr/bin/llvm-config-17 is missing; llvm-config-17 (LLVM 17) " +
            "is the newest this tree accepts, without --link-static (no static LLVM libraries)");
    }

    [Fact]
    public void Native_and_cmake_options_are_remembered_by_the_build_directory_until_changed()
    {
        var tree = Trees.CopyFixture();
        var machine = new FakeMachine().WithGcc(12).Environment;
        Run(["Configure", "--tvm-home", tree, "--native", "--cmake-option", "USE_SORT=OFF", "--config-only"],
            machine).ExitCode.ShouldBe(0);
        var first = ConfigCMake(tree, "cpu");
        first.ShouldContain("set(USE_DNNL OFF)  # --native");
        first.ShouldEndWith("set(USE_SORT OFF)\n");

        // A later run that configures again (Compile, UnitTest...) without them writes the same file.
        var again = Run(["Configure", "--tvm-home", tree, "--config-only"], machine);
        again.Output.ShouldContain("Configuring as before: --native --cmake-option USE_SORT=OFF (remembered in");
        again.Output.ShouldContain("config.cmake is up to date");
        ConfigCMake(tree, "cpu").ShouldBe(first);

        // One given replaces its own part only; --native false drops the native lines.
        Run(["Configure", "--tvm-home", tree, "--native", "false", "--config-only"], machine).ExitCode.ShouldBe(0);
        var plain = ConfigCMake(tree, "cpu");
        plain.ShouldNotContain("--native");
        plain.ShouldEndWith("set(USE_SORT OFF)\n");
        // --reconfigure starts from the bare preset (and forgets).
        Run(["Configure", "--tvm-home", tree, "--reconfigure", "--config-only"], machine).ExitCode.ShouldBe(0);
        ConfigCMake(tree, "cpu").ShouldNotContain("USE_SORT OFF");
        File.Exists(Path.Combine(tree, "build-cpu", ".tvm-build-config.json")).ShouldBeFalse();
    }

    [Fact]
    public void Native_is_refused_in_docker_mode()
    {
        var result = Run(["Configure", "--tvm-home", Fixture, "--native", "--docker", "ci_cpu", "--dry-run"],
            new FakeDocker().Environment());
        result.ExitCode.ShouldBe(255, result.ToString());
        result.Output.ShouldContain(
            "error: --native adapts the preset to this machine; in docker mode the image has CI's tools " +
            "(needed by Configure)");
    }
}
