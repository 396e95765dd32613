using System.Collections.Concurrent;
using TvmBuild.Engine;
using TvmBuild.Tvm;

/// <summary>Data only: the TVM tree (--tvm-home), its layout, the preset and the build directory every target shares.</summary>
interface IHazTvm : IHazDocker
{
    [Parameter("Path to the TVM checkout.", EnvironmentVariable = "TVM_HOME")]
    AbsolutePath? TvmHome => TryGetValue(() => TvmHome);

    [Parameter("CMake preset, one per TVM CI build config: cpu, gpu, gpu_other, arm, wasm; at v0.9.0 also i386, qemu, hexagon, jvm, gpu_vulkan.")]
    string Preset => TryGetValue(() => Preset) ?? PresetOfImage ?? "cpu";

    /// <summary>With --docker, the default preset follows the image: ci_gpu → gpu.</summary>
    string? PresetOfImage => Docker is not null && Tree is not null
        && TvmBuild.Docker.DockerImages.PresetOf(Docker) is { } preset
        && Layout.Presets.ContainsKey(preset) ? preset : null;

    [Parameter("Build directory, relative to the TVM tree or absolute (default: build-<preset>).")]
    string? BuildDir => TryGetValue(() => BuildDir);

    [Parameter("Clean: every build-* directory, not just the preset's; Lint: the whole tree, not just the changed files.",
        For = ["Clean", "Lint"])]
    bool All => TryGetValue<bool?>(() => All) ?? false;

    [Parameter("Python interpreter for tests and lint scripts (default: the first of python3 and /usr/bin/python3 that has what is needed).",
        For = ["UnitTest", "IntegrationTest", "Docs", "Lint"])]
    string? Python => TryGetValue(() => Python) is { } python ? Interpreter(python) : null;

    /// <summary>--python names an executable file (in docker mode: a plain path or name in the image); it is run,
    /// never read by a shell, so anything else is refused.</summary>
    static string Interpreter(string python)
    {
        if (ToolResolver.InContainer)
            return System.Text.RegularExpressions.Regex.IsMatch(python, "^[A-Za-z0-9_./+-]+$") ? python
                : throw new BuildFailure($"--python '{python}' is not a path or a program name.", "In docker mode give the image's interpreter, e.g. --python python3.");
        string? path = python.Contains('/') ? AbsolutePath.FromUser(python) : ToolResolver.TryFind(python);
        return path is not null && ToolResolver.IsExecutableFile(path) ? path
            : throw new BuildFailure($"--python '{python}' is not an executable file.", "Give a Python interpreter's path or name on PATH, e.g. --python /usr/bin/python3.");
    }

    /// <summary>The tree and why (TvmTrees.Find): --tvm-home, the build's root, or the tree holding the current
    /// directory; null when there is none.</summary>
    TvmTree? Tree => TvmState.Trees.GetOrAdd((TvmHome, RootDirectory, Directory.GetCurrentDirectory()), key =>
        TvmTrees.Find(key.Given, key.Given is null ? null : Parameters.Raw(ParameterCatalog.For(
            typeof(IHazTvm).GetProperty(nameof(TvmHome))!))?.Source, key.Root, key.Directory));

    AbsolutePath TvmRoot => Tree?.Root ?? throw new BuildFailure("No TVM tree given.",
        "Pass --tvm-home <dir> (or set TVM_HOME), or run from inside a TVM checkout; " +
        "'./build.sh Checkout --tvm-home <dir>' clones one.");

    Layout Layout => TvmState.Layouts.GetOrAdd(TvmRoot, root => Layouts.Detect(Layouts.Load(AbsolutePath.Create(AppContext.BaseDirectory) / "layouts.yaml"), root));

    AbsolutePath BuildDirectory => BuildDir is null ? TvmRoot / $"build-{Preset}"
        : Path.IsPathRooted(BuildDir) ? AbsolutePath.Create(BuildDir) : TvmRoot / BuildDir;

    IReadOnlyList<string> PresetSettings => Layout.Presets.TryGetValue(Preset, out var settings)
        ? settings.Select(s => Layouts.Expand(s, Variables, $"Preset {Preset}")).ToList()
        : throw new BuildFailure($"Unknown preset '{Preset}' for the {Layout.Name} layout of TVM.",
            $"Valid: {string.Join(", ", Layout.Presets.Keys.Order())}.");

    /// <summary>What <c>${...}</c> in build/layouts.yaml may name besides the environment.</summary>
    IReadOnlyDictionary<string, string> Variables => new Dictionary<string, string>
    {
        ["TVM_HOME"] = TvmRoot,
        ["BUILD_DIR"] = BuildDirectory,
    };

    IReadOnlyDictionary<string, string?> Expand(IReadOnlyDictionary<string, string> environment, string context) =>
        environment.ToDictionary(p => p.Key, p => (string?)Layouts.Expand(p.Value, Variables, context));

    /// <summary>One build at a time per build directory: a second one stops with a clear message. A folder that is
    /// not safe to build in (the tree, a folder holding it, a folder of other files) is refused before anything is
    /// written; a folder used is marked, so Clean may remove it later.</summary>
    void LockBuildDirectory()
    {
        _ = Layout; // a tree that is not TVM fails here, before anything is created
        var directory = BuildDirectory;
        if (TvmBuild.Tvm.BuildDirectories.RefuseToUse(directory, TvmRoot, RootDirectory) is { } why)
            throw new BuildFailure($"Refusing to use {directory} as the build directory: {why}.",
                "Give --build-dir a new or empty folder (or one tvm-build or CMake made).");
        if (ProcessTasks.DryRun || TvmState.Locks.ContainsKey(directory)) return;
        try
        {
            directory.CreateDirectory();
            TvmBuild.Tvm.BuildDirectories.Mark(directory, TvmRoot);
            TvmState.Locks[directory] = new FileStream(directory / TvmBuild.Tvm.BuildDirectories.Lock, FileMode.OpenOrCreate,
                FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (BuildLock.IsHeldElsewhere(e))
        {
            throw new BuildFailure($"Another build is using {directory} right now.", "Wait for it to finish, or give this one another --build-dir.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BuildFailure($"Cannot write the build directory {directory}: {BuildFailure.Reason(e)}",
                "Make it writable (or free disk space), or give another --build-dir.");
        }
    }
}

/// <summary>What components remember within one run (interfaces hold no fields).</summary>
static class TvmState
{
    public static ConcurrentDictionary<AbsolutePath, Layout> Layouts { get; } = new();
    public static ConcurrentDictionary<(AbsolutePath? Given, AbsolutePath Root, string Directory), TvmTree?> Trees
    { get; } = new();
    public static ConcurrentDictionary<AbsolutePath, FileStream> Locks { get; } = new();
}
