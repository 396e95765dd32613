using System.Reflection;
using System.Text;
using CliWrap;

namespace TvmBuild.Tests.Support;

/// <summary>Starts <c>./build.sh</c> (or another script of the repo) as a user would and captures what they
/// see.</summary>
public static class BuildScript
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>One cache folder for this test run (XDG_CACHE_HOME): Lint installs the pinned npm linters there
    /// once.</summary>
    public static string CacheHome { get; } = Directory.CreateTempSubdirectory("tvm-build-cache-").FullName;
    public static string Fixture => Path.Combine(RepoRoot, "tests", "fixtures", "tvm");

    private static readonly Lazy<bool> Compiled = new(() =>
    {
        // Compile the build once before tests run it in parallel (build.sh also holds a lock for this), so that no
        // test sees the bootstrap's "compiling the build project" line.
        ReuseTestBuild();
        var result = Start(["--help"], null, null, "build.sh", null, null);
        if (result.ExitCode != 0) throw new InvalidOperationException($"./build.sh --help failed: {result}");
        return true;
    });

    /// <summary>Gives this checkout's build.sh the build project as the test build compiled it (its own output, from
    /// these sources), in the folder build.sh runs it from, so that a test run does not publish the same sources again
    /// (~15 CPU s, while every test waits). Not when a source of build/ is newer than that output (dotnet test
    /// --no-build after an edit): build.sh then compiles as it does for a user. Copied to a fresh folder and renamed
    /// into place, as build.sh publishes. BootstrapInterruptTests and AdoptTests compile through build.sh.</summary>
    private static void ReuseTestBuild()
    {
        var target = CompiledBuildFolder(RepoRoot);
        if (File.Exists(Path.Combine(target, "_build.dll"))) return;
        var assembly = typeof(global::Build).Assembly;
        var configuration = assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var framework = Path.GetFileName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var output = Path.Combine(RepoRoot, "build", "bin", configuration, framework);
        var dll = Path.Combine(output, "_build.dll");
        if (!File.Exists(dll)) return;
        string[] kinds = [".cs", ".csproj", ".props", ".targets", ".yaml"];
        var sources = Directory.EnumerateFiles(Path.Combine(RepoRoot, "build"), "*", SearchOption.AllDirectories)
            .Where(f => kinds.Contains(Path.GetExtension(f)) && !f.Contains("/bin/") && !f.Contains("/obj/"));
        if (sources.Any(f => File.GetLastWriteTimeUtc(f) > File.GetLastWriteTimeUtc(dll))) return;
        var fresh = $"{target}.new-{Environment.ProcessId}";
        Trees.CopyDirectory(output, fresh);
        try { Directory.Move(fresh, target); }
        catch (IOException) { Directory.Delete(fresh, recursive: true); } // another run put it there first
    }

    /// <summary>Compiles the build once (for tests that start it through another script, e.g. a completion).</summary>
    public static void EnsureCompiled() => _ = Compiled.Value;

    public static ScriptResult Run(string[] args, Dictionary<string, string?>? environment = null,
        string? workingDirectory = null, string script = "build.sh", TimeSpan? timeout = null,
        Action<RunningScript>? whileRunning = null)
    {
        if (script == "build.sh") EnsureCompiled();
        return Start(args, environment, workingDirectory, script, timeout, whileRunning);
    }

    private static ScriptResult Start(string[] args, Dictionary<string, string?>? environment, string? workingDirectory,
        string script, TimeSpan? timeout, Action<RunningScript>? whileRunning)
    {
        // It would inherit an in-process run's environment and folder: that test belongs in InProcessCollection.
        if (InProcessBuild.IsRunning)
            throw new InvalidOperationException($"{script} started while a build runs in-process (InProcessBuild)");
        var variables = Variables(environment);
        var output = new StringBuilder();
        var sink = PipeTarget.ToDelegate(line => { lock (output) output.AppendLine(line); });
        var command = Cli.Wrap(script.Contains('/') ? script : Path.Combine(RepoRoot, script))
            .WithArguments(args)
            .WithWorkingDirectory(workingDirectory ?? RepoRoot)
            .WithEnvironmentVariables(variables)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(sink)
            .WithStandardErrorPipe(sink);
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        Interlocked.Increment(ref _running);
        try
        {
            var task = command.ExecuteAsync(limit.Token); // stdin is empty and closed, as in CI
            whileRunning?.Invoke(new RunningScript(task.ProcessId, () => task.Task.IsCompleted));
            return new ScriptResult(task.Task.GetAwaiter().GetResult().ExitCode, output.ToString());
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{script} {string.Join(" ", args)} did not finish:\n{output}");
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    /// <summary>The variables a test's build sees over this process's own (null unsets one), with
    /// <paramref name="environment"/> on top; <see cref="InProcessBuild"/> sets the same.</summary>
    public static Dictionary<string, string?> Variables(Dictionary<string, string?>? environment)
    {
        var variables = new Dictionary<string, string?>
        {
            // A user's terminal, not this test run's CI: tests that want a host say so.
            ["CI"] = null, ["GITHUB_ACTIONS"] = null, ["JENKINS_HOME"] = null, ["JENKINS_URL"] = null,
            ["BRANCH_NAME"] = null, ["CHANGE_TITLE"] = null, // Jenkins' names, which CiTask --changes reads
            ["TVM_HOME"] = null, ["NUKE_TVM_HOME"] = null, ["PYTHONDONTWRITEBYTECODE"] = "1",
            ["PYTEST_ADDOPTS"] = "-p no:cacheprovider", // keep the fixture tree clean
            ["XDG_CACHE_HOME"] = CacheHome, // pinned linters install here, never from the user's home cache
        };
        // The caller's own build settings never reach a test's build (TVM_BUILD_PRESET=wasm, SCCACHE_DIR=...): each
        // test says what it sets. The result cache stays off (NoResultCache) unless a test names a store.
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>()
                     .Where(n => CallersSettings.Any(prefix => n.StartsWith(prefix, StringComparison.Ordinal))))
            variables[name] = null;
        variables["TVM_BUILD_RESULT_CACHE"] = "none";
        // Tests run the dotnet build: a native compile in the background would take both cores for a minute.
        variables["TVM_BUILD_BOOTSTRAP"] = "dotnet";
        foreach (var (key, value) in environment ?? []) variables[key] = value;
        return variables;
    }

    public static ScriptResult Run(params string[] args) => Run(args, null);

    private static int _running;

    /// <summary>Scripts this process started that are still running.</summary>
    public static int Running => Volatile.Read(ref _running);

    private static readonly string[] CallersSettings = ["TVM_BUILD_", "NUKE_", "SCCACHE_", "CCACHE_"];

    /// <summary>The folder <paramref name="root"/>'s build.sh publishes its build into for the sources there now
    /// (build/bin/run-&lt;fingerprint&gt;), with build.sh's own sources_hash.</summary>
    public static string CompiledBuildFolder(string root)
    {
        const string hash = "eval \"$(sed -n '/^sources_hash()/,/^}/p' build.sh)\"; SCRIPT_DIR=$PWD; sources_hash";
        var (code, output) = Processes.Run("bash", ["-c", hash], root);
        if (code != 0) throw new InvalidOperationException(output);
        return Path.Combine(root, "build", "bin", $"run-{output.Trim().Replace(' ', '-')}");
    }

    public static string TempDirectory(string prefix = "tvm-build-test-") =>
        Directory.CreateTempSubdirectory(prefix).FullName;

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null;
             directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "build.sh"))
                && Directory.Exists(Path.Combine(directory.FullName, ".nuke")))
                return directory.FullName;
        throw new InvalidOperationException("Cannot find the repository root from " + AppContext.BaseDirectory);
    }
}
