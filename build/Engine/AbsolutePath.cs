using System.ComponentModel;
using Microsoft.Extensions.FileSystemGlobbing;

namespace TvmBuild.Engine;

/// <summary>Nuke's immutable rooted path: <c>root / "build" / ".."</c> folds to <c>root</c>.</summary>
[TypeConverter(typeof(AbsolutePathConverter))]
public sealed class AbsolutePath : IEquatable<AbsolutePath>
{
    private readonly string _path;

    private AbsolutePath(string path) => _path = path;

    public static AbsolutePath Create(string path)
    {
        if (!Path.IsPathRooted(path)) throw new ArgumentException($"Path '{path}' is not rooted");
        var full = Path.GetFullPath(path);
        return new AbsolutePath(full.Length > 1 ? full.TrimEnd(Path.DirectorySeparatorChar) : full);
    }

    /// <summary>A relative path is taken from the current directory, as a user typing it expects.</summary>
    public static AbsolutePath FromUser(string path) => Create(Path.GetFullPath(ExpandHome(path)));

    private static string ExpandHome(string path) =>
        path == "~" || path.StartsWith("~/")
            ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + path[1..]
            : path;

    public static implicit operator AbsolutePath(string path) => Create(path);
    public static implicit operator string(AbsolutePath path) => path._path;
    public static AbsolutePath operator /(AbsolutePath left, string right) => Create(Path.Combine(left._path, right));

    public AbsolutePath Parent => Create(Path.GetDirectoryName(_path) ?? _path);
    public string Name => Path.GetFileName(_path);
    public bool Exists() => File.Exists(_path) || Directory.Exists(_path);
    public bool FileExists() => File.Exists(_path);
    public bool DirectoryExists() => Directory.Exists(_path);
    public string ReadAllText() => File.ReadAllText(_path);
    public bool Contains(AbsolutePath other) =>
        other._path == _path || other._path.StartsWith(_path + Path.DirectorySeparatorChar);

    public AbsolutePath CreateDirectory() { Directory.CreateDirectory(_path); return this; }

    public void DeleteDirectory() { if (Directory.Exists(_path)) Directory.Delete(_path, recursive: true); }

    /// <summary>Writes via a temporary file and a rename, so a reader never sees half a file; a failure (no space, no
    /// permission) leaves the old file and no temporary one, and says which file in one line.</summary>
    public void WriteAllTextAtomically(string text)
    {
        var temporary = $"{_path}.{Environment.ProcessId}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            File.WriteAllText(temporary, text);
            File.Move(temporary, _path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temporary); }
            catch (Exception gone) when (gone is IOException or UnauthorizedAccessException) { }
            throw new BuildFailure($"Cannot write {_path}: {BuildFailure.Reason(e)}",
                "Free disk space, or make the folder writable.");
        }
    }

    public IEnumerable<AbsolutePath> GlobFiles(params string[] patterns)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(patterns);
        return matcher.GetResultsInFullPath(_path).Order(StringComparer.Ordinal).Select(Create);
    }

    public IEnumerable<AbsolutePath> GlobDirectories(string pattern) =>
        Directory.Exists(_path)
            ? Directory.EnumerateDirectories(_path, pattern).Order(StringComparer.Ordinal).Select(Create)
            : [];

    public bool Equals(AbsolutePath? other) => other is not null && other._path == _path;
    public override bool Equals(object? obj) => obj is AbsolutePath other && Equals(other);
    public override int GetHashCode() => _path.GetHashCode();
    public override string ToString() => _path;
}
