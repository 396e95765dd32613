using System.Diagnostics;
using System.Text;

namespace TvmBuild.Tests.Support;

public sealed record ScriptResult(int ExitCode, string Output)
{
    public override string ToString() => $"exit {ExitCode}\n{Output}";
}

/// <summary>Starts <c>./build.sh</c> (or another script of the repo) as a user would and captures what they see.</summary>
public static class BuildScript
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>One cache folder for this test run (XDG_CACHE_HOME): Lint installs the pinned npm linters there
    /// once.</summary>
    public static string CacheHome { get; } = Directory.CreateTempSubdirectory("tvm-build-cache-").FullName;
    public static string Fixture => Path.Combine(RepoRoot, "tests", "fixtures", "tvm");

    private static readonly Lazy<bool> Compiled = new(() =>
    {
        // Compile the build once before tests run it in parallel (build.sh also holds a lock for this).
        var result = Run(["--help"]);
        if (result.ExitCode != 0) throw new InvalidOperationException($"./build.sh --help failed: {result}");
        return true;
    });

    public static ScriptResult Run(string[] args, Dictionary<string, string?>? environment = null, string? workingDirectory = null,
        string script = "build.sh", TimeSpan? timeout = null, Action<Process>? whileRunning = null)
    {
        if (script == "build.sh" && !(args is ["--help"] && environment is null)) _ = Compiled.Value;
        var info = new ProcessStartInfo(script.Contains('/') ? script : Path.Combine(RepoRoot, script))
        {
            WorkingDirectory = workingDirectory ?? RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        // A user's terminal, not this test run's CI: tests that want a host say so.
        foreach (var name in new[] { "CI", "GITHUB_ACTIONS", "JENKINS_HOME", "JENKINS_URL", "TVM_HOME", "NUKE_TVM_HOME" })
            info.Environment.Remove(name);
        info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        info.Environment["PYTEST_ADDOPTS"] = "-p no:cacheprovider"; // keep the fixture tree clean
        info.Environment["XDG_CACHE_HOME"] = CacheHome; // pinned linters install here, never from the user's home cache
        foreach (var (key, value) in environment ?? [])
            if (value is null) info.Environment.Remove(key); else info.Environment[key] = value;

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = new StringBuilder();
        void Append(string? line) { if (line is not null) lock (output) output.AppendLine(line); }
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        whileRunning?.Invoke(process);
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} {string.Join(" ", args)} did not finish:\n{output}");
        }
        process.WaitForExit();
        return new ScriptResult(process.ExitCode, output.ToString());
    }

    public static ScriptResult Run(params string[] args) => Run(args, null);

    public static string TempDirectory(string prefix = "tvm-build-test-") => Directory.CreateTempSubdirectory(prefix).FullName;

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "build.sh")) && Directory.Exists(Path.Combine(directory.FullName, ".nuke")))
                return directory.FullName;
        throw new InvalidOperationException("Cannot find the repository root from " + AppContext.BaseDirectory);
    }
}
