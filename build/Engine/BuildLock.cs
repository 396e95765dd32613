namespace TvmBuild.Engine;

/// <summary>Tells a lock held by another process apart from other I/O failures (a read-only folder, a full disk),
/// which must not read as "another build is using it".</summary>
public static class BuildLock
{
    private const int WouldBlock = 11; // EWOULDBLOCK: flock's answer on Linux, which .NET passes on as the HResult
    private const int SharingViolation = 32; // ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION on Windows
    private const int LockViolation = 33;

    public static bool IsHeldElsewhere(IOException e) => OperatingSystem.IsWindows()
        ? (e.HResult & 0xFFFF) is SharingViolation or LockViolation
        : e.HResult == WouldBlock || (e.HResult == 35 && OperatingSystem.IsMacOS()); // EWOULDBLOCK is 35 on macOS
}
