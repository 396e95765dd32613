using TvmBuild.Tests.EndToEnd;
using TvmBuild.Tests.Support;

namespace TvmBuild.Tests.Simulation;

/// <summary>What a CI engine checks out in the simulations: a git repository of the fixture tree with the stand-ins
/// every task needs (CiTests.CiTree, a web runtime whose npm scripts do nothing, Dockerfiles on the test image), a
/// ./build.sh that runs this checkout's build (TVM's adopted one; with RUNNER_TVM_BUILD, the build's root given
/// there), and a pull request: branch <c>pr</c>, one
/// commit ahead of <c>main</c>, changing code and an image. Plus the CI images, the test image under the names the
/// tree's docker-images.ini gives, and the tools a container finds first on its PATH (/opt/sccache): compiler
/// wrappers, a stand-in sccache with fixed statistics, and stand-ins for maven and doxygen (the fixture's TVM4J and
/// Doxyfile are stand-ins too).</summary>
public static class SimulationTree
{
    public const string Image = "tvm-build-test:sccache";
    private static readonly string[] Platforms = ["cpu", "gpu", "arm", "wasm"];

    public static string Create(Action<string>? change = null)
    {
        var tree = CiTests.CiTree();
        foreach (var platform in Platforms)
            File.WriteAllText(Path.Combine(tree, "docker", $"Dockerfile.ci_{platform}"), $"FROM localhost/{Image}\n");
        File.WriteAllText(Path.Combine(tree, "web", "Makefile"), "clean:\n\t@echo clean\n");
        File.WriteAllText(Path.Combine(tree, "web", "package.json"), """
            {"name": "fixture-web", "private": true,
             "scripts": {"lint": "true", "prepwasm": "true", "bundle": "true", "test": "true", "typedoc": "true"}}

            """);
        // The fixture's deliberate faults, which its own tests use: a docs warning and a GPU test that fails if run.
        var api = Path.Combine(tree, "docs", "api.rst");
        File.WriteAllText(api, string.Join("\n", File.ReadAllLines(api).Where(l => !l.Contains("missing-page")))
            .TrimEnd() + "\n");
        var gpu = Path.Combine(tree, "tests", "python", "unittest", "test_gpu_marker.py");
        File.WriteAllText(gpu, File.ReadAllText(gpu).Replace("    pytest.fail(", "    print("));
        Directory.CreateDirectory(Path.Combine(tree, "tests", "python", "codegen"));
        File.WriteAllText(Path.Combine(tree, "tests", "python", "codegen", "test_target_codegen_vulkan.py"),
            "# SPDX-License-Identifier: Apache-2.0\nimport pytest\n\n\n" +
            "@pytest.mark.gpu\ndef test_vulkan():\n    pass\n");
        // RUNNER_TVM_BUILD: a tvm-build checkout as fresh as a runner's, in place of this one.
        MainLibraryLayout(tree);
        Executable(Path.Combine(tree, "build.sh"),
            $"exec {BuildScript.RepoRoot}/build.sh \"$@\" ${{RUNNER_TVM_BUILD:+--root \"$RUNNER_TVM_BUILD\"}}");
        Git(tree, "init", "--quiet", "--initial-branch=main");
        Commit(tree, "main");
        Git(tree, "checkout", "--quiet", "-b", "pr");
        File.AppendAllText(Path.Combine(tree, "docker", "Dockerfile.ci_cpu"), "# the pull request's change\n");
        File.AppendAllText(Path.Combine(tree, "src", "fixture.cc"), "// the pull request's change\n");
        change?.Invoke(tree);
        Commit(tree, "the pull request");
        return tree;
    }

    /// <summary>The libraries where TVM main's CMake puts them and by its names (build/lib/libtvm_compiler.so,
    /// libtvm_runtime.so), which are the files its stashes list; the fixture keeps the older layout.</summary>
    public static void MainLibraryLayout(string tree)
    {
        Patch(Path.Combine(tree, "CMakeLists.txt"),
            ("set(CMAKE_LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})",
                "set(CMAKE_LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/lib)"),
            ("target_link_libraries(tvm PUBLIC tvm_runtime)",
                "target_link_libraries(tvm PUBLIC tvm_runtime)\n" +
                "set_target_properties(tvm PROPERTIES OUTPUT_NAME tvm_compiler)"));
        Patch(Path.Combine(tree, "python", "tvm", "__init__.py"),
            ("find_lib_path(\"libtvm.so\")", "find_lib_path(\"libtvm_compiler.so\")"));
        Patch(Path.Combine(tree, "python", "tvm", "libinfo.py"),
            ("    return [os.path.abspath(d) for d in dirs]",
                "    dirs = [x for d in dirs for x in (d, os.path.join(d, \"lib\"))]\n" +
                "    return [os.path.abspath(d) for d in dirs]"));
        Patch(Path.Combine(tree, "tests", "python", "integration", "test_integration.py"),
            ("in dirs\n", "in dirs + [os.path.join(d, \"lib\") for d in dirs]\n"));
    }

    private static void Patch(string file, params (string From, string To)[] changes)
    {
        var text = File.ReadAllText(file);
        foreach (var (from, to) in changes)
            text = text.Contains(from) ? text.Replace(from, to)
                : throw new InvalidOperationException($"{file} no longer has: {from}");
        File.WriteAllText(file, text);
    }

    /// <summary>The test image, under the names of the tree's CI images; null when it is ready, else why not.</summary>
    public static string? PrepareImages()
    {
        var context = BuildScript.TempDirectory("sim-image-");
        File.WriteAllText(Path.Combine(context, "Dockerfile"),
            $"FROM {Podman.Image}\nENV PATH=/opt/sccache:/usr/local/bin:/usr/bin:/bin\n");
        var tags = string.Join(" ",
            Platforms.Select(p => $"&& podman tag {Image} tlcpack/ci-{p}:20260101-000000-fixture"));
        var (code, output) = Podman.Shell($"podman build -q -t {Image} {context} >/dev/null {tags}");
        return code == 0 ? null : output;
    }

    /// <summary>The folder a container sees at /opt/sccache.</summary>
    public static string Tools()
    {
        var tools = BuildScript.TempDirectory("sim-tools-");
        Executable(Path.Combine(tools, "cc"), "exec /usr/bin/cc \"$@\"");
        Executable(Path.Combine(tools, "c++"), "exec /usr/bin/c++ \"$@\"");
        Executable(Path.Combine(tools, "sccache"),
            "case \"$1\" in --show-stats) printf 'Cache hits 1\\nCache misses 3\\n' ;; esac");
        Executable(Path.Combine(tools, "mvn"), "echo \"maven stand-in: $*\"");
        Executable(Path.Combine(tools, "doxygen"), "echo \"doxygen stand-in: $*\"");
        return tools;
    }

    /// <summary>The caller's build settings (TVM_BUILD_*, NUKE_*, TVM_HOME) unset, so CI's environment alone
    /// decides.</summary>
    public static void WithoutCallersSettings(Dictionary<string, string?> environment)
    {
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>()
                     .Where(n => n.StartsWith("TVM_BUILD_") || n.StartsWith("NUKE_") || n == "TVM_HOME"))
            environment.TryAdd(name, null);
        // Each run shows what its tasks do, not what an earlier run on this machine recorded.
        environment["TVM_BUILD_RESULT_CACHE"] = "none";
    }

    public static void Git(string tree, params string[] args)
    {
        var (code, output) = Processes.Run("git", args, tree);
        if (code != 0) throw new InvalidOperationException($"git {string.Join(" ", args)}: {output}");
    }

    private static void Commit(string tree, string message)
    {
        Git(tree, "add", "-A");
        Git(tree, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "-m", message);
    }

    private static void Executable(string path, string body)
    {
        File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
        File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
    }
}
