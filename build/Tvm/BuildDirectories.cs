using TvmBuild.Engine;

namespace TvmBuild.Tvm;

/// <summary>Which folders may serve as a build directory, and which may be removed. A build directory is never the
/// TVM tree, a folder holding it (or this build), <c>/</c> or the home folder; it is removed only when something
/// proves it is one: the marker Configure writes, or a CMake cache.</summary>
public static class BuildDirectories
{
    public const string Marker = ".tvm-build-dir";
    public const string LockFile = ".tvm-build.lock";

    /// <summary>Files that may already be in a folder that becomes a build directory (TVM's own recipe copies
    /// config.cmake into an empty build/ first).</summary>
    private static readonly string[] Welcome = ["config.cmake", LockFile, Marker];

    /// <summary>Null when the folder may be a build directory, else why not.</summary>
    public static string? RefuseToUse(AbsolutePath directory, AbsolutePath tree, AbsolutePath buildRoot)
    {
        if (Protected(directory, tree, buildRoot) is { } why) return why;
        if (!directory.DirectoryExists() || IsBuildDirectory(directory)) return null;
        var others = Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName).Except(Welcome)
            .Take(3).ToList();
        return others.Count == 0
            ? null
            : $"it holds other files ({string.Join(", ", others)}) and is not a build directory "
              + $"(no {Marker}, no CMakeCache.txt)";
    }

    /// <summary>Null when the folder may be removed, else why not.</summary>
    public static string? RefuseToRemove(AbsolutePath directory, AbsolutePath tree, AbsolutePath buildRoot) =>
        Protected(directory, tree, buildRoot)
        ?? (IsBuildDirectory(directory)
            ? null
            : $"it is not a build directory (no {Marker} from Configure, no CMakeCache.txt)");

    public static bool IsBuildDirectory(AbsolutePath directory) =>
        (directory / Marker).FileExists() || (directory / "CMakeCache.txt").FileExists();

    public static bool IsLink(AbsolutePath path) => new FileInfo(path).LinkTarget is not null;

    /// <summary>Creates and marks the folder, then holds its lock for the rest of the run (the session releases it): a
    /// second build of the same folder stops at once with a clear message, and Clean waits for no one.</summary>
    public static FileStream Lock(AbsolutePath directory, AbsolutePath tree)
    {
        try
        {
            directory.CreateDirectory();
            Mark(directory, tree);
            return new FileStream(directory / LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (BuildLock.IsHeldElsewhere(e))
        {
            throw new BuildFailure($"Another build is using {directory} right now.",
                "Wait for it to finish, or give this one another --build-dir.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BuildFailure($"Cannot write the build directory {directory}: {BuildFailure.Reason(e)}",
                "Make it writable (or free disk space), or give another --build-dir.");
        }
    }

    /// <summary>Whether another process holds the folder's lock (this one's own locks are in its session).</summary>
    public static bool IsLockedElsewhere(AbsolutePath directory)
    {
        var lockFile = directory / LockFile;
        if (!lockFile.FileExists()) return false;
        try
        {
            using var _ = new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException e) when (BuildLock.IsHeldElsewhere(e))
        {
            return true;
        }
    }

    /// <summary>Marks a folder this tool made (or adopted empty) as a build directory, for Clean.</summary>
    public static void Mark(AbsolutePath directory, AbsolutePath tree)
    {
        if ((directory / Marker).FileExists()) return;
        (directory / Marker).WriteAllTextAtomically(
            $"A build directory of tvm-build for {tree}; './build.sh Clean' may remove this folder.\n");
    }

    private static string? Protected(AbsolutePath directory, AbsolutePath tree, AbsolutePath buildRoot)
    {
        if (RealPath.Of(directory) is not { } real) return "its path cannot be resolved (a loop of links?)";
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (real == Path.GetPathRoot(real)) return "it is the root folder";
        if (RealPath.IsInside(tree, real))
            return RealPath.IsInside(real, tree) ? "it is the TVM tree" : "it holds the TVM tree";
        if (home.Length > 0 && RealPath.IsInside(home, real))
            return RealPath.IsInside(real, home) ? "it is your home folder" : "it holds your home folder";
        if (RealPath.IsInside(buildRoot, real)) return "it holds tvm-build itself";
        return null;
    }
}
