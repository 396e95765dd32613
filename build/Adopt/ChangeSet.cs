using System.Text;
using Serilog;
using TvmBuild.Ci;
using TvmBuild.Engine;

namespace TvmBuild.Adopt;

/// <summary>What a change does to one path of the TVM tree.</summary>
public enum ChangeKind
{
    /// <summary>A file of tvm-build's home (copied or generated).</summary>
    Write,
    /// <summary>TVM's file with a part Adopt keeps in it (.gitignore's block, the guide's toctree entry).</summary>
    Edit,
    /// <summary>--retire: a forwarder at a path people type, printing and running the new command.</summary>
    Forward,
    /// <summary>--retire: TVM's file with its mentions of removed paths updated.</summary>
    Rewrite,
    /// <summary>--retire: a file the build replaces (or a file of an older home that is gone).</summary>
    Remove,
}

/// <summary>One path and what it should hold afterwards (null: removed).</summary>
public sealed record FileChange(string Path, byte[]? Content, bool Executable, ChangeKind Kind, string Why = "")
{
    public static FileChange Text(string path, string text, ChangeKind kind, bool executable = false,
        string why = "") =>
        new(path, Encoding.UTF8.GetBytes(text), executable, kind, why);

    /// <summary>Whether the tree does not hold this already.</summary>
    public bool Differs(AbsolutePath tree)
    {
        var file = tree / Path;
        if (Content is null) return file.FileExists();
        if (!file.FileExists() || !File.ReadAllBytes(file).AsSpan().SequenceEqual(Content)) return true;
        return !OperatingSystem.IsWindows() && IsExecutable(file) != Executable;
    }

    public static bool IsExecutable(AbsolutePath file) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(file) & UnixFileMode.UserExecute) != 0;
}

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
