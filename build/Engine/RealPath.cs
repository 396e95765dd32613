namespace TvmBuild.Engine;

/// <summary>realpath(3) without libc: a path with every symbolic link (and junction) along it resolved, as the OS
/// will open it. .NET resolves only a path's last link, and a link in a folder above it leads elsewhere too.</summary>
public static class RealPath
{
    private const int MaxLinks = 40; // Linux's MAXSYMLINKS

    /// <summary>The real path, or null when it cannot be resolved (a link loop, an unreadable link).</summary>
    public static string? Of(string path)
    {
        // Not GetFullPath: it drops "a/.." as text, where the OS goes to the parent of wherever the link a leads.
        var full = Path.IsPathRooted(path) ? path : Path.Combine(Directory.GetCurrentDirectory(), path);
        var start = Path.GetPathRoot(full)!;
        var current = Path.GetFullPath(start);
        var pending = new Stack<string>(Parts(full[start.Length..]).Reverse());
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".") continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Combine(current, part);
            string? target;
            try { target = new FileInfo(next).LinkTarget; }
            catch (IOException) { return null; }
            catch (UnauthorizedAccessException) { return null; }
            if (target is null)
            {
                current = next;
                continue;
            }
            if (++links > MaxLinks) return null;
            // A relative link is read in the folder that holds it (current, real already); an absolute one from its
            // root.
            if (Path.GetPathRoot(target) is { Length: > 0 } root)
            {
                current = Path.GetFullPath(root);
                target = target[root.Length..];
            }
            foreach (var inner in Parts(target).Reverse()) pending.Push(inner);
        }
        return current;
    }

    /// <summary>Whether <paramref name="path"/> really is <paramref name="folder"/> or inside it (both
    /// resolved).</summary>
    public static bool IsInside(string path, string folder)
    {
        if (Of(path) is not { } real || Of(folder) is not { } root) return false;
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return real.Equals(root, comparison)
            || real.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, comparison);
    }

    private static IEnumerable<string> Parts(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar],
            StringSplitOptions.RemoveEmptyEntries);
}
