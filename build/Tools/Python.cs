using Serilog;
using TvmBuild.Engine;

namespace TvmBuild.Tools;

/// <summary>Finds the interpreter the tests run with: --python if given, else the first of python3 on PATH and
/// Debian's /usr/bin/python3 that can import pytest (Debian's python3-pytest serves only /usr/bin/python3).</summary>
public static class Python
{
    public static string FindWithPytest(string? chosen)
    {
        if (chosen is not null)
        {
            var path = ToolResolver.TryFind(chosen) ?? throw new BuildFailure($"--python {chosen}: no such interpreter.", "Give a path or a name on PATH.");
            if (!CanImport(path, "pytest"))
                throw new BuildFailure($"{path} cannot import pytest.", Packages.Hint("pytest"));
            return path;
        }
        var tried = new List<string>();
        foreach (var candidate in new[] { ToolResolver.TryFind("python3"), "/usr/bin/python3" }.OfType<string>().Distinct())
        {
            if (!File.Exists(candidate)) continue;
            tried.Add(candidate);
            if (!CanImport(candidate, "pytest")) continue;
            Log.Information("Using Python {Python}{Why}", candidate, tried.Count > 1 ? $" ({tried[0]} has no pytest)" : "");
            return candidate;
        }
        throw new BuildFailure($"No Python with pytest found (tried: {(tried.Count == 0 ? "none on PATH" : string.Join(", ", tried))}).", Packages.Hint("pytest"));
    }

    public static bool CanImport(string python, string module) =>
        ProcessTasks.Run(new Command(python, "-c", $"import {module}"), allowFailure: true, probe: true).ExitCode == 0;
}
