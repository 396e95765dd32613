using TvmBuild.Engine;
using TvmBuild.Tvm;

/// <summary>Data only: the TVM tree (--tvm-home), its layout, the preset and the build directory every target
/// shares.</summary>
interface IHazTvm : IHazDocker
{
    [Parameter("Path to the TVM checkout.", EnvironmentVariable = "TVM_HOME")]
    AbsolutePath? TvmHome => TryGetValue(() => TvmHome);

    [Parameter("CMake preset, one per TVM CI build config: each tests/scripts/task_config_build_<preset>.sh of the " +
               "tree (read, never run); main: cpu, gpu, gpu_other, arm, wasm; v0.9.0 also i386, qemu, hexagon, jvm, " +
               "gpu_vulkan.",
        For = ["Configure", "Compile", "CompileCppTest", "CppTest", "UnitTest", "IntegrationTest", "Docs", "Clean",
            "Doctor", "JavaTest"])]
    string Preset => TryGetValue(() => Preset) ?? PresetOfImage ?? "cpu";

    /// <summary>With --docker, the default preset follows the image: ci_gpu → gpu.</summary>
    string? PresetOfImage => Docker is not null && Tree is not null
        && TvmBuild.Docker.DockerImages.PresetOf(Docker) is { } preset
        && Layout.HasPreset(preset) ? preset : null;

    [Parameter("Build directory, relative to the TVM tree or absolute (default: build-<preset>).",
        For = ["Configure", "Compile", "CompileCppTest", "CppTest", "UnitTest", "IntegrationTest", "Docs", "Clean",
            "DevShell", "JavaTest"])]
    string? BuildDir => TryGetValue(() => BuildDir);

    [Parameter("Clean: every build-* directory, not just the preset's; " +
               "Lint: the whole tree, not just the changed files.",
        For = ["Clean", "Lint"])]
    bool All => TryGetValue<bool?>(() => All) ?? false;

    [Parameter("Python interpreter for tests and lint scripts (default: the first of python3 and /usr/bin/python3 " +
               "that has what is needed).",
        For = ["UnitTest", "IntegrationTest", "Docs", "Lint", "Wheel", "InstallWheel", "WheelTest", "WebTest"])]
    string? Python => TryGetValue(() => Python) is { } python ? Interpreter(python) : null;

    /// <summary>--python names an executable file (in docker mode: a plain path or name in the image); it is run,
    /// never read by a shell, so anything else is refused.</summary>
    string Interpreter(string python)
    {
        if (Runner.InContainer)
            return System.Text.RegularExpressions.Regex.IsMatch(python, "^[A-Za-z0-9_./+-]+$") ? python
                : throw new BuildFailure($"--python '{python}' is not a path or a program name.",
                    "In docker mode give the image's interpreter, e.g. --python python3.");
        string? path = python.Contains('/') ? AbsolutePath.FromUser(python) : ToolResolver.TryFind(python);
        return path is not null && ToolResolver.IsExecutableFile(path) ? path
            : throw new BuildFailure($"--python '{python}' is not an executable file.",
                "Give a Python interpreter's path or name on PATH, e.g. --python /usr/bin/python3.");
    }

    [Parameter("On this machine, as it is: Configure makes the preset buildable here (a feature this machine " +
               "lacks is turned off or pointed at what is present, an older llvm-config, no -Werror for a newer " +
               "compiler; each change printed as a set(...) line; remembered in the build directory, --native " +
               "false forgets it); CiTask runs the task's commands here instead of in its image.",
        For = ["Configure", "Doctor", "CiTask"])]
    bool? Native => TryGetValue(() => Native);

    /// <summary>The tree and why (TvmTrees.Find): --tvm-home, the build's root, or the tree holding the current
    /// directory; null when there is none.</summary>
    TvmTree? Tree => Session.GetOrAdd(("tree", TvmHome, RootDirectory, Directory.GetCurrentDirectory()), () =>
        TvmTrees.Find(TvmHome, TvmHome is null ? null : Parameters.Raw(ParameterCatalog.For(
            typeof(IHazTvm).GetProperty(nameof(TvmHome))!))?.Source, RootDirectory, Directory.GetCurrentDirectory()));

    AbsolutePath TvmRoot => Tree?.Root ?? throw new BuildFailure("No TVM tree given.",
        "Pass --tvm-home <dir> (or set TVM_HOME), or run from inside a TVM checkout; " +
        "'./build.sh Checkout --tvm-home <dir>' clones one.");

    Layout Layout => Session.GetOrAdd(TvmRoot, () => Layouts.Detect(Layouts.Shipped(), TvmRoot));

    AbsolutePath BuildDirectory => BuildDirectoryOf(TvmRoot, Preset, BuildDir);

    /// <summary>build-&lt;preset&gt; in the tree, or --build-dir (relative to the tree, or absolute).</summary>
    static AbsolutePath BuildDirectoryOf(AbsolutePath tree, string preset, string? buildDir) =>
        buildDir is null ? tree / $"build-{preset}"
            : Path.IsPathRooted(buildDir) ? AbsolutePath.Create(buildDir) : tree / buildDir;

    /// <summary>The preset's config.cmake lines: what the tree's task_config_build_&lt;preset&gt;.sh appends, read
    /// (never run) on the machine that builds; for a tree without that script, the layout's data.</summary>
    IReadOnlyList<string> PresetLines => Session.GetOrAdd(("preset", TvmRoot, Preset), () =>
        TvmBuild.Tvm.PresetLines.Of(Layout, Preset, TvmRoot, PresetFacts.Of(Runner), Variables));

    /// <summary>The preset's settings, KEY VALUE: its <c>set(KEY VALUE)</c> lines (not the CMake code some scripts
    /// write besides, e.g. a find_program block).</summary>
    IReadOnlyList<string> PresetSettings => [.. PresetLines
        .Where(l => l.StartsWith("set(") && l.EndsWith(')') && !l.Contains('\n')).Select(l => l[4..^1])];

    /// <summary>What <c>${...}</c> in build/layouts.yaml may name besides the environment.</summary>
    IReadOnlyDictionary<string, string> Variables => new Dictionary<string, string>
    {
        ["TVM_HOME"] = TvmRoot,
        ["BUILD_DIR"] = BuildDirectory,
    };

    IReadOnlyDictionary<string, string?> Expand(IReadOnlyDictionary<string, string> environment, string context) =>
        environment.ToDictionary(p => p.Key, p => (string?)Layouts.Expand(p.Value, Variables, context));
}
