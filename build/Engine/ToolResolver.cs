namespace TvmBuild.Engine;

/// <summary>Nuke's <c>[PathVariable]</c> lookup on this machine: <c>CMAKE_EXE</c> first, then PATH. (In docker mode
/// <see cref="ProcessRunner.TryFind"/> names tools instead, since the image has them.)</summary>
public static class ToolResolver
{
    public static string? TryFind(string name)
    {
        var overridden = Environment.GetEnvironmentVariable(OverrideVariable(name));
        if (!string.IsNullOrEmpty(overridden)) return File.Exists(overridden) ? overridden : null;
        if (name.Contains('/')) return File.Exists(name) ? Path.GetFullPath(name) : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var names = FileNames(name, OperatingSystem.IsWindows(), Environment.GetEnvironmentVariable("PATHEXT"));
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var file in names)
            {
                var candidate = Path.Combine(directory, file);
                if (File.Exists(candidate) && IsExecutable(candidate)) return candidate;
            }
        return null;
    }

    /// <summary>The file names a command name stands for in a PATH folder: itself; on Windows, as cmd.exe looks,
    /// with each PATHEXT extension (git.exe for git), unless it has one of them already.</summary>
    public static IReadOnlyList<string> FileNames(string name, bool windows, string? pathext)
    {
        if (!windows) return [name];
        var extensions = (string.IsNullOrEmpty(pathext) ? ".COM;.EXE;.BAT;.CMD" : pathext)
            .Split(';', StringSplitOptions.RemoveEmptyEntries);
        if (extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase))) return [name];
        return [.. extensions.Select(e => name + e.ToLowerInvariant()), name];
    }

    /// <summary>The tool's path, or a failure naming what to install.</summary>
    public static string Find(string name, string installHint) =>
        TryFind(name) ?? throw new BuildFailure(
            Environment.GetEnvironmentVariable(OverrideVariable(name)) is { Length: > 0 } overridden
                ? $"{OverrideVariable(name)} names {overridden}, which does not exist."
                : $"'{name}' was not found on PATH.", installHint);

    private static string OverrideVariable(string name) =>
        name.ToUpperInvariant().Replace('-', '_').Replace('.', '_').Replace("+", "X") + "_EXE";

    /// <summary>A regular file (after links) that may be executed.</summary>
    public static bool IsExecutableFile(string path) => File.Exists(path) && IsExecutable(path);

    private const UnixFileMode AnyExecute =
        UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private static bool IsExecutable(string path) =>
        OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & AnyExecute) != 0;
}
