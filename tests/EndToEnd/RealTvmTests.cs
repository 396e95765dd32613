using System.Diagnostics;
using Shouldly;
using TvmBuild.Tests.Support;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>Against a real TVM checkout (TVM_HOME): skipped, visibly, without one.</summary>
public class RealTvmTests
{
    private static string Tvm => Environment.GetEnvironmentVariable("TVM_HOME")!;

    // What the scripts read from the environment (task_config_build_hexagon.sh); the same values for both sides.
    private static readonly Dictionary<string, string?> ScriptEnvironment = new()
    {
        ["CLANG_LLVM_HOME"] = "/opt/clang-llvm",
        ["HEXAGON_SDK_ROOT"] = "/opt/hexagon-sdk",
    };

    [RealTvmFact]
    public void Every_preset_writes_the_same_config_cmake_as_the_trees_own_script()
    {
        var scripts = Directory.GetFiles(Path.Combine(Tvm, "tests", "scripts"), "task_config_build_*.sh").Order().ToList();
        scripts.ShouldNotBeEmpty();
        foreach (var script in scripts)
        {
            var preset = Path.GetFileNameWithoutExtension(script)["task_config_build_".Length..];
            // task_config_build_gpu_vulkan.sh (v0.9.0) runs task_config_build_gpu_other.sh without its argument and fails;
            // what it means to write is gpu_other's file.
            var reference = preset == "gpu_vulkan" ? script.Replace("gpu_vulkan", "gpu_other") : script;
            var expected = RunScript(reference, preset);
            var ours = Path.Combine(TempDirectory(), "build");
            var result = Run(["Configure", "--tvm-home", Tvm, "--preset", preset, "--config-only", "--build-dir", ours], ScriptEnvironment);
            result.ExitCode.ShouldBe(0, result.ToString());
            File.ReadAllText(Path.Combine(ours, "config.cmake")).ShouldBe(expected, $"preset {preset}");
        }
    }

    [RealTvmFact]
    public void The_tree_has_a_known_layout_and_configures_with_the_cpu_preset() =>
        Run("Configure", "--tvm-home", Tvm, "--config-only", "--build-dir", TempDirectory()).ExitCode.ShouldBe(0);

    /// <summary>Runs TVM's script as CI does (from the tree root, build dir as its argument) in a scratch tree holding
    /// only cmake/config.cmake, so the real tree is not touched.</summary>
    private static string RunScript(string script, string preset)
    {
        var scratch = TempDirectory();
        Directory.CreateDirectory(Path.Combine(scratch, "cmake"));
        File.Copy(Path.Combine(Tvm, "cmake", "config.cmake"), Path.Combine(scratch, "cmake", "config.cmake"));
        var info = new ProcessStartInfo("bash") { WorkingDirectory = scratch, RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add($"build-{preset}");
        foreach (var (key, value) in ScriptEnvironment) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, $"{script}: {error}");
        return File.ReadAllText(Path.Combine(scratch, $"build-{preset}", "config.cmake"));
    }
}
