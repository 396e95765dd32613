using TvmBuild.Engine;

namespace TvmBuild.Tools;

/// <summary>The tools targets declare with <c>.Needs(...)</c>, each with its probe (what Doctor shows).</summary>
public static class Requirements
{
    public static Requirement CMake { get; } =
        new("cmake", "cmake", InImage: true, r => Version(r, "cmake", "--version"));
    public static Requirement Ninja { get; } =
        new("ninja", "ninja", InImage: true, r => Version(r, "ninja", "--version"), Optional: true);
    public static Requirement Compiler { get; } = new("c++ compiler", "c++", InImage: true,
        r => Version(r, "c++", "--version") ?? Version(r, "g++", "--version") ?? Version(r, "clang++", "--version"));
    public static Requirement Git { get; } = new("git", "git", InImage: false, r => Version(r, "git", "--version"));
    public static Requirement GoogleTest { get; } = new("googletest", "googletest", InImage: true,
        _ => File.Exists("/usr/include/gtest/gtest.h") ? "/usr/include/gtest" : null);
    public static Requirement Pytest { get; } =
        new("python3 with pytest", "pytest", InImage: true, r => PythonModule(r, "pytest"));
    public static Requirement Sphinx { get; } =
        new("python3 with sphinx", "sphinx", InImage: true, r => PythonModule(r, "sphinx"));
    public static Requirement Doxygen { get; } =
        new("doxygen", "doxygen", InImage: true, r => Version(r, "doxygen", "--version"));
    public static Requirement ContainerEngine { get; } =
        new("docker or podman (answering)", "docker", InImage: false, EngineAnswers);
    public static Requirement Node { get; } =
        new("node", "node", InImage: false, r => Version(r, "node", "--version"), Optional: true);
    public static Requirement Npm { get; } = new("npm (the pinned ruff and clang-format)", "npm", InImage: false,
        r => Version(r, "npm", "--version"), Optional: true);
    /// <summary>The hooks' programs that Lint takes from PATH (yamllint, cython-lint).</summary>
    public static IEnumerable<Requirement> LintPrograms { get; } = LintProgram.All.Where(p => p.FromPath)
        .Select(p => new Requirement(p.Name, p.Name, InImage: true, r => Version(r, p.Commands[0], "--version"),
            Optional: true)).ToList();

    public static Requirement Maven { get; } =
        new("maven", "maven", InImage: true, r => Version(r, "mvn", "--version"));
    public static Requirement WebNpm { get; } =
        new("npm (web/)", "npm-web", InImage: true, r => Version(r, "npm", "--version"));
    public static Requirement Pip { get; } = new("python3 with pip", "pip", InImage: true, r => PythonModule(r, "pip"));

    /// <summary>An npm tool of dev/lint (the build's own checkout), run on this machine.</summary>
    public static Requirement NpmTool(AbsolutePath root, LintProgram program) =>
        NpmTool(root, program.Npm ?? throw new ArgumentException($"{program.Name} has no npm package"), program.Name);

    /// <summary>An npm package of dev/lint, run on this machine.</summary>
    public static Requirement NpmTool(AbsolutePath root, string package, string name) =>
        new(name, "npm-lint", InImage: false,
            _ => (root / "dev" / "lint" / "node_modules" / package).DirectoryExists()
                ? $"npm {package} (dev/lint)"
                : null,
            Optional: true);

    private static string? Version(ProcessRunner runner, string tool, params string[] args) =>
        ToolResolver.TryFind(tool) is { } path
        && runner.Probe(new Command(path, args), RunOptions.MayFail) is { ExitCode: 0 } result
            ? $"{FirstLine(result.Output)} ({path})"
            : null;

    private static string? PythonModule(ProcessRunner runner, string module) =>
        new[] { ToolResolver.TryFind("python3"), "/usr/bin/python3" }.OfType<string>().Distinct().Where(File.Exists)
            .Select(python => (python, result: runner.Probe(new Command(python, "-c",
                $"import {module}; print(getattr({module}, '__version__', 'present'))"), RunOptions.MayFail)))
            .Where(p => p.result.ExitCode == 0)
            .Select(p => $"{module} {FirstLine(p.result.Output)} ({p.python})").FirstOrDefault();

    /// <summary>An engine that answers <c>info</c> (a CLI without its daemon cannot run a container), with why the
    /// others do not.</summary>
    private static string? EngineAnswers(ProcessRunner runner)
    {
        var silent = new List<string>();
        foreach (var (cli, format) in new[] { ("docker", "{{.ServerVersion}}"), ("podman", "{{.Version.Version}}") })
        {
            if (ToolResolver.TryFind(cli) is not { } path) continue;
            var result = runner.Probe(new Command(path, "info", "--format", format), RunOptions.MayFail);
            if (result.ExitCode == 0)
                return $"{cli} {FirstLine(result.Output)} answers ({path})" +
                       $"{string.Concat(silent.Select(s => $"; {s}"))}";
            silent.Add($"{cli} does not: {FirstLine(result.Output)}");
        }
        return null;
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
}
