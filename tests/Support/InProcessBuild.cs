using System.Collections;
using Serilog;

namespace TvmBuild.Tests.Support;

/// <summary>Runs the build in this process, as <c>./build.sh args</c> would run it (the same environment as
/// <see cref="BuildScript"/> gives, the same working folder, stdout and stderr interleaved with what the commands it
/// runs attached print, the exit code as the shell sees it), without the ~0.2 CPU s of a .NET start. For what a test
/// reads from the output, an argv a fake tool logged or files written; what only a process shows (the bootstrap,
/// signals, a terminal, stdin, its own exit) stays with <see cref="BuildScript"/>. A run changes the process's
/// environment, current folder, stdout and stderr, console and Serilog logger (and restores them), so the tests that
/// use it join <see cref="InProcessCollection"/>.</summary>
public static class InProcessBuild
{
    private static readonly Lock Gate = new();

    private static volatile bool _running;

    /// <summary>A build runs in-process now (BuildScript refuses to start a script meanwhile). With
    /// <see cref="BuildScript.Running"/>, a check that catches a test outside the collection, not a lock.</summary>
    public static bool IsRunning => _running;

    public static ScriptResult Run(string[] args, Dictionary<string, string?>? environment = null,
        string? workingDirectory = null)
    {
        lock (Gate)
        {
            // A script running meanwhile would see this run's environment and folder, and its tests run in parallel.
            if (BuildScript.Running > 0)
                throw new InvalidOperationException("InProcessBuild.Run while ./build.sh runs: the test belongs in " +
                                                    nameof(InProcessCollection));
            var variables = BuildScript.Variables(environment);
            var saved = Environment.GetEnvironmentVariables();
            var directory = Directory.GetCurrentDirectory();
            var (stdout, stderr, logger) = (Console.Out, Console.Error, Log.Logger);
            var output = new CapturedOutput();
            int exitCode;
            try
            {
                _running = true;
                foreach (var (key, value) in variables) Environment.SetEnvironmentVariable(key, value);
                Directory.SetCurrentDirectory(workingDirectory ?? BuildScript.RepoRoot);
                Console.SetOut(output.Console);
                Console.SetError(output.Console);
                try
                {
                    exitCode = Build.Main(args);
                }
                catch (Exception e)
                {
                    // What .NET prints for an exception that ends the process, and the code bash sees (SIGABRT).
                    output.Console.WriteLine($"Unhandled exception. {e}");
                    exitCode = 134;
                }
            }
            finally
            {
                Console.SetOut(stdout);
                Console.SetError(stderr);
                output.Dispose();
                Log.Logger = logger;
                Directory.SetCurrentDirectory(directory);
                Restore(saved);
                _running = false;
            }
            // A process's exit status is one byte: Main's -1 is the 255 a user sees.
            return new ScriptResult(exitCode & 0xFF, output.Finish());
        }
    }

    public static ScriptResult Run(params string[] args) => Run(args, null);

    // BuildScript's folders, so that a test class imports one of the two (using static) and says which way it runs.
    public static string RepoRoot => BuildScript.RepoRoot;
    public static string Fixture => BuildScript.Fixture;
    public static string TempDirectory(string prefix = "tvm-build-test-") => BuildScript.TempDirectory(prefix);

    private static void Restore(IDictionary saved)
    {
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>())
            if (!saved.Contains(name)) Environment.SetEnvironmentVariable(name, null);
        foreach (DictionaryEntry entry in saved)
            if (Environment.GetEnvironmentVariable((string)entry.Key) != (string?)entry.Value)
                Environment.SetEnvironmentVariable((string)entry.Key, (string?)entry.Value);
    }
}
