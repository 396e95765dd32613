using Serilog;

namespace TvmBuild.Engine;

/// <summary>The store on this machine: <c>$XDG_CACHE_HOME/tvm-build</c> (default <c>~/.cache/tvm-build</c>). Files are
/// written beside their place and renamed into it; a read marks the file used, and when the store outgrows its limit
/// the least recently used files go first.</summary>
public sealed class LocalStore(AbsolutePath root, long limitBytes) : ICacheStore
{
    public static AbsolutePath DefaultRoot(Func<string, string?> environment) =>
        AbsolutePath.Create(environment("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg
            : Path.Combine(environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
                ".cache")) / "tvm-build";

    public AbsolutePath Root => root;
    public string Name => $"local ({root})";

    private string PathOf(string name) => Path.Combine(root, name);

    public byte[]? Read(string name)
    {
        var file = PathOf(name);
        if (!File.Exists(file)) return null;
        Touch(file);
        return File.ReadAllBytes(file);
    }

    public void Write(string name, byte[] content) =>
        Publish(name, temporary => File.WriteAllBytes(temporary, content));

    public bool Exists(string name) => File.Exists(PathOf(name));

    public bool Download(string name, string file)
    {
        var stored = PathOf(name);
        if (!File.Exists(stored)) return false;
        Touch(stored);
        File.Copy(stored, file, overwrite: true);
        return true;
    }

    public void Upload(string name, string file) => Publish(name, temporary => File.Copy(file, temporary, true));

    private void Publish(string name, Action<string> write)
    {
        var target = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = $"{target}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            write(temporary);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static void Touch(string file)
    {
        try { File.SetLastWriteTimeUtc(file, DateTime.UtcNow); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>Over the limit, the least recently used entries and blobs go until the store holds 80% of it.</summary>
    public void Evict()
    {
        var files = new[] { "entries", "blobs" }.Select(PathOf).Where(Directory.Exists)
            .SelectMany(d => new DirectoryInfo(d).EnumerateFiles("*", SearchOption.AllDirectories)).ToList();
        var total = files.Sum(f => f.Length);
        if (total <= limitBytes) return;
        var removed = 0;
        foreach (var file in files.OrderBy(f => f.LastWriteTimeUtc))
        {
            if (total <= limitBytes * 8 / 10) break;
            total -= file.Length;
            file.Delete();
            removed++;
        }
        Log.Information("Result cache: removed the {Count} least recently used files to stay under {Limit} MB",
            removed, limitBytes >> 20);
    }
}
