using System.Text;
using Serilog;
using TvmBuild.Engine;

namespace TvmBuild.Adopt;

/// <summary>Applies changes as one step: every new file is written in full to a staging folder inside the git
/// directory first (same disk), then moved into place; removals come last.</summary>
public static class ChangeSet
{
    /// <summary>--check: a unified diff per change, as git shows it.</summary>
    public static string Diff(AbsolutePath tree, IEnumerable<FileChange> changes)
    {
        var diff = new StringBuilder();
        foreach (var change in changes)
            diff.Append(change.Content is null
                ? $"--- a/{change.Path}\n+++ /dev/null\n(removed: {change.Why})\n"
                : UnifiedDiff.Of(ProcessRunner.Uncancellable, tree / change.Path,
                    Encoding.UTF8.GetString(change.Content), change.Path));
        return diff.ToString();
    }

    public static void Apply(AbsolutePath tree, IReadOnlyList<FileChange> changes)
    {
        var staging = Repo.GitDirectory(tree) / $"tvm-build-adopt-{Environment.ProcessId}";
        try
        {
            var staged = new List<(FileChange Change, AbsolutePath File)>();
            foreach (var (change, index) in changes.Where(c => c.Content is not null).Select((c, i) => (c, i)))
            {
                var file = staging / index.ToString();
                file.Parent.CreateDirectory();
                File.WriteAllBytes(file, change.Content!);
                if (!OperatingSystem.IsWindows())
                    File.SetUnixFileMode(file, change.Executable ? (UnixFileMode)0b111_101_101
                        : (UnixFileMode)0b110_100_100);
                staged.Add((change, file));
            }
            foreach (var (change, file) in staged)
            {
                (tree / change.Path).Parent.CreateDirectory();
                File.Move(file, tree / change.Path, overwrite: true);
                Log.Information("{Kind,-8} {Path}", Verb(change), change.Path);
            }
            foreach (var change in changes.Where(c => c.Content is null))
            {
                File.Delete(tree / change.Path);
                RemoveEmptyFolders(tree, (tree / change.Path).Parent);
                Log.Information("{Kind,-8} {Path} ({Why})", Verb(change), change.Path, change.Why);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BuildFailure($"Cannot change {tree}: {BuildFailure.Reason(e)}",
                "Free disk space or make the tree writable; git has every file Adopt changed " +
                "('git status', 'git checkout').");
        }
        finally
        {
            if (staging.DirectoryExists()) staging.DeleteDirectory();
        }
    }

    public static string Verb(FileChange change) => change.Kind switch
    {
        ChangeKind.Write => "write",
        ChangeKind.Edit => "edit",
        ChangeKind.Forward => "forward",
        ChangeKind.Rewrite => "update",
        _ => "remove",
    };

    private static void RemoveEmptyFolders(AbsolutePath tree, AbsolutePath folder)
    {
        for (var current = folder; current != tree && tree.Contains(current) && current.DirectoryExists()
             && !Directory.EnumerateFileSystemEntries(current).Any(); current = current.Parent)
            Directory.Delete(current);
    }
}
