using System.Text;
using TvmBuild.Engine;

namespace TvmBuild.Adopt;

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
