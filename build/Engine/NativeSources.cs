using System.IO.Enumeration;
using System.Runtime.InteropServices;
using System.Text;

namespace TvmBuild.Engine;

/// <summary>build.sh starts a native build without computing the fingerprint of build/ (three processes, most of a
/// warm start's cost): the native build computes it here, in-process, as build.sh does (each file's path, size and
/// modification time in seconds, in byte order, through POSIX cksum), and when build/ is no longer what it was
/// compiled from, it hands the run back to build.sh, which compiles the new sources.</summary>
internal static partial class NativeSources
{
    /// <summary>Set by build.sh for the native build it starts: the checkout whose build/ to check.</summary>
    public const string CheckVariable = "TVM_BUILD_BOOTSTRAP_SOURCES";

    /// <summary>Set for build.sh when the native build handed the run back: it does not start one again.</summary>
    public const string StaleVariable = "TVM_BUILD_BOOTSTRAP_STALE";

    private static readonly string[] Extensions = [".cs", ".csproj", ".props", ".targets", ".yaml"];

    /// <summary>Returns when this build is of the checkout's sources (or nobody asked); otherwise replaces this
    /// process with <c>build.sh</c> and the same arguments.</summary>
    public static void HandBackIfStale(string[] args)
    {
        if (Environment.GetEnvironmentVariable(CheckVariable) is not { Length: > 0 } checkout) return;
        Environment.SetEnvironmentVariable(CheckVariable, null); // the build's own children do not check
        var folder = Path.GetFileName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        if (folder == $"native-{Fingerprint(Path.Combine(checkout, "build")).Replace(' ', '-')}") return;
        var script = Path.Combine(checkout, "build.sh");
        var environment = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Select(name => $"{name}={Environment.GetEnvironmentVariable(name)}")
            .Append($"{StaleVariable}=1").ToArray();
        Exec(script, [script, .. args], environment);
        throw new BuildFailure(
            $"build/ changed, and {script} could not be started ({Marshal.GetLastPInvokeErrorMessage()}).",
            $"Run {script} again.");
    }

    /// <summary>What <c>find build -printf '%P %s %Ts\n' | LC_ALL=C sort | cksum</c> prints (bin/ and obj/ left out):
    /// the CRC and the byte count.</summary>
    public static string Fingerprint(string buildDirectory)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(buildDirectory));
        var lines = new FileSystemEnumerable<string>(root,
            (ref FileSystemEntry e) =>
                $"{Path.GetRelativePath(root, e.ToFullPath())} {e.Length} " +
                $"{e.LastWriteTimeUtc.ToUnixTimeSeconds()}\n",
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) =>
                !e.IsDirectory && Extensions.Contains(Path.GetExtension(e.FileName).ToString()),
            ShouldRecursePredicate = (ref FileSystemEntry e) =>
                !(e.Directory.Length == root.Length && e.FileName is "bin" or "obj"),
        }.ToList();
        lines.Sort(StringComparer.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(string.Concat(lines));
        return $"{Cksum(bytes)} {bytes.Length}";
    }

    /// <summary>POSIX cksum: CRC-32 (polynomial 0x04C11DB7, most significant bit first) of the bytes and then of
    /// their count, least significant byte first, complemented.</summary>
    public static uint Cksum(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0;
        foreach (var b in bytes) crc = Step(crc, b);
        for (var n = (ulong)bytes.Length; n > 0; n >>= 8) crc = Step(crc, (byte)n);
        return ~crc;

        static uint Step(uint crc, byte b)
        {
            crc ^= (uint)b << 24;
            for (var k = 0; k < 8; k++) crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
            return crc;
        }
    }

    [LibraryImport("libc", EntryPoint = "execve", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Execve(string path, string?[] argv, string?[] envp);

    private static void Exec(string path, string[] argv, string[] environment)
    {
        Console.Out.Flush();
        Console.Error.Flush();
        Execve(path, [.. argv, null], [.. environment, null]);
    }
}
