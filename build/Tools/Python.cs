using Serilog;
using TvmBuild.Engine;

namespace TvmBuild.Tools;

/// <summary>Finds the interpreter the tests run with: --python if given, else the first of python3 on PATH and
/// Debian's /usr/bin/python3 that can import pytest (Debian's python3-pytest serves only /usr/bin/python3).</summary>
public static class Python
{
    public static string FindWithPytest(ProcessRunner runner, string? chosen) => Find(runner, chosen, "pytest");

    /// <summary>--python if given (it must import <paramref name="module"/>), else the first candidate that
    /// does.</summary>
    public static string Find(ProcessRunner runner, string? chosen, string module)
    {
        var hint = Packages.Hint(module);
        if (chosen is not null)
        {
            var path = ToolResolver.TryFind(chosen)
                ?? throw new BuildFailure($"--python {chosen}: no such interpreter.", "Give a path or a name on PATH.");
            if (!CanImport(runner, path, module))
                throw new BuildFailure($"{path} cannot import {module}.", hint);
            return path;
        }
        var tried = new List<string>();
        foreach (var candidate in new[] { ToolResolver.TryFind("python3"), "/usr/bin/python3" }
                     .OfType<string>().Distinct())
        {
            if (!File.Exists(candidate)) continue;
            tried.Add(candidate);
            if (!CanImport(runner, candidate, module)) continue;
            Log.Information("Using Python {Python}{Why}",
                candidate, tried.Count > 1 ? $" ({tried[0]} has no {module})" : "");
            return candidate;
        }
        var triedText = tried.Count == 0 ? "none on PATH" : string.Join(", ", tried);
        throw new BuildFailure($"No Python with {module} found (tried: {triedText}).", hint);
    }

    public static bool CanImport(ProcessRunner runner, string python, string module) =>
        runner.Probe(new Command(python, "-c", $"import {module}"), RunOptions.MayFail).ExitCode == 0;
}
