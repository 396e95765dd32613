using System.Diagnostics;
using System.Globalization;

namespace TvmBuild.Engine;

/// <summary>One log file per run under <c>.nuke/temp/logs/</c>, so concurrent runs never write or delete each other's;
/// the newest five are kept (a log whose run is still going is never deleted), and <c>.nuke/temp/build.log</c>
/// points at the newest.</summary>
internal static class RunLogs
{
    private const int Kept = 5;

    public static AbsolutePath Start(AbsolutePath temporaryDirectory, DateTime now)
    {
        var directory = (temporaryDirectory / "logs").CreateDirectory();
        var stamp = now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var file = directory / $"build-{stamp}-{Environment.ProcessId}.log";
        File.WriteAllText(file, ""); // fails here, before any work, when the folder is not writable
        Prune(directory);
        PointAt(temporaryDirectory / "build.log", file);
        return file;
    }

    private static void Prune(AbsolutePath directory)
    {
        var old = Directory.EnumerateFiles(directory, "build-*.log").Order(StringComparer.Ordinal).SkipLast(Kept);
        foreach (var log in old.Where(l => !IsRunning(l)))
            try { File.Delete(log); } catch (IOException) { } // another run pruning the same file
    }

    /// <summary>The run that writes a log is named by the process id at the end of its file name.</summary>
    private static bool IsRunning(string log)
    {
        var id = Path.GetFileNameWithoutExtension(log).Split('-')[^1];
        if (!int.TryParse(id, out var pid) || pid == Environment.ProcessId) return pid == Environment.ProcessId;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
    }

    /// <summary>Replaces build.log with a link to the newest log in one rename, so a reader never sees it
    /// missing.</summary>
    private static void PointAt(AbsolutePath link, AbsolutePath file)
    {
        var temporary = $"{link}.{Environment.ProcessId}.tmp";
        try
        {
            File.Delete(temporary);
            File.CreateSymbolicLink(temporary, Path.GetRelativePath(link.Parent, file));
            File.Move(temporary, link, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            File.Delete(temporary); // no links here (some Windows setups): the logs folder still has every run
        }
    }
}
