namespace TvmBuild.Engine;

/// <summary>Nuke's <c>[PathVariable]</c> lookup: <c>CMAKE_EXE</c> first, then PATH.</summary>
public static class ToolResolver
{
    public static string? TryFind(string name)
    {
        var overridden = Environment.GetEnvironmentVariable(name.ToUpperInvariant().Replace('-', '_').Replace('.', '_') + "_EXE");
        if (!string.IsNullOrEmpty(overridden)) return overridden;
        if (name.Contains('/')) return File.Exists(name) ? Path.GetFullPath(name) : null;
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate) && IsExecutable(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>The tool's path, or a failure naming what to install.</summary>
    public static string Find(string name, string installHint) =>
        TryFind(name) ?? throw new BuildFailure($"'{name}' was not found on PATH.", installHint);

    private static bool IsExecutable(string path) =>
        OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
