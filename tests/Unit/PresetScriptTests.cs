using Shouldly;
using TvmBuild.Engine;
using TvmBuild.Tvm;
using Xunit;

namespace TvmBuild.Tests.Unit;

/// <summary>A task_config_build_&lt;preset&gt;.sh is read as data: the lines its echos append, under its tests, as
/// bash would write them. The scripts here are made up in TVM's style (the real ones: RecordedPresetsTests).</summary>
public class PresetScriptTests
{
    private const string Header = """
        #!/usr/bin/env bash
        # Licensed to the Apache Software Foundation (ASF)
        set -euxo pipefail

        BUILD_DIR=$1
        mkdir -p "$BUILD_DIR"
        cd "$BUILD_DIR"
        cp ../cmake/config.cmake .

        """;

    private static readonly PresetFacts Bare = new(_ => false, _ => false, _ => null, "x86_64");

    private static IReadOnlyList<string> Lines(string body, PresetFacts? facts = null,
        Func<string, PresetScript>? include = null) =>
        PresetScript.Parse(Header + body, "tests/scripts/task_config_build_x.sh")
            .Lines(facts ?? Bare, include ?? (path => throw new InvalidOperationException(path)));

    [Fact]
    public void Echo_lines_are_what_bash_appends_quotes_and_escapes_removed()
    {
        Lines("""
            echo set\(USE_SORT ON\) >> config.cmake
            echo set\(USE_LLVM \"/usr/bin/llvm-config-15 --link-static\"\) >> config.cmake
            echo set\(USE_HEXAGON "ON"\) >> config.cmake
            echo set\(CMAKE_BUILD_TYPE=Debug\) >>config.cmake   # a comment
            echo 'Skipping a step'
            echo -e 'if (X)\n\tset(Y 1)\nendif()' >> config.cmake
            """).ShouldBe([
            "set(USE_SORT ON)", "set(USE_LLVM \"/usr/bin/llvm-config-15 --link-static\")", "set(USE_HEXAGON ON)",
            "set(CMAKE_BUILD_TYPE=Debug)", "if (X)\n\tset(Y 1)\nendif()",
        ]);
    }

    [Fact]
    public void Tests_ask_the_facts_of_the_machine_that_builds()
    {
        const string body = """
            if [ -d "/opt/tflite" ]; then
              echo set\(USE_TFLITE \"/opt/tflite\"\) >> config.cmake
            else
              echo set\(USE_TFLITE ON\) >> config.cmake
            fi
            if [[ ${CI:-false} == "true" ]]; then
                echo set\(CMAKE_CXX_COMPILER "/opt/sccache/c++"\) >> config.cmake
            fi
            arch=$(uname -i)
            if [ "$arch" != "aarch64" ] ; then
              echo set\(USE_LLVM ${LLVM_HOME}/bin/llvm-config\) >> config.cmake
            fi
            """;
        var ci = new PresetFacts(path => path == "/opt/tflite", _ => false,
            name => name switch { "CI" => "true", "LLVM_HOME" => "/opt/llvm", _ => null }, "aarch64");
        Lines(body, ci).ShouldBe(["set(USE_TFLITE \"/opt/tflite\")", "set(CMAKE_CXX_COMPILER /opt/sccache/c++)"]);
        Lines(body, Bare with { Environment = n => n == "LLVM_HOME" ? "/l" : null })
            .ShouldBe(["set(USE_TFLITE ON)", "set(USE_LLVM /l/bin/llvm-config)"]);
        Should.Throw<BuildFailure>(() => Lines(body)).Message.ShouldBe(
            "tests/scripts/task_config_build_x.sh needs the environment variable LLVM_HOME, which is not set.");
    }

    [Fact]
    public void A_script_that_calls_another_preset_script_writes_its_lines()
    {
        var other = PresetScript.Parse(Header + "echo set\\(USE_ROCM ON\\) >> config.cmake\n", "other.sh");
        Lines("./tests/scripts/task_config_build_gpu_other.sh\n",
                include: path => path == "tests/scripts/task_config_build_gpu_other.sh" ? other
                    : throw new InvalidOperationException(path))
            .ShouldBe(["set(USE_ROCM ON)"]);
    }

    [Theory]
    [InlineData("make -j8", "9: tvm-build cannot read 'make -j8'.")]
    [InlineData("echo set\\(A ON\\) > config.cmake", "9: tvm-build cannot read 'echo set(A ON) > config.cmake' " +
                                                     "(an echo that writes elsewhere than >> config.cmake).")]
    [InlineData("if [ -x /bin/sh ]; then", "9: tvm-build cannot read the test '[ -x /bin/sh ]'.")]
    [InlineData("echo `date` >> config.cmake", "9: tvm-build cannot read 'echo `date` >> config.cmake' " +
                                               "('`' outside quotes).")]
    public void What_it_cannot_read_fails_naming_the_line(string line, string message)
    {
        var failure = Should.Throw<BuildFailure>(() => Lines(line + "\nfi\n"));
        failure.Message.ShouldBe("tests/scripts/task_config_build_x.sh:" + message);
        failure.Hint.ShouldNotBeNull().ShouldContain("never run");
    }
}
