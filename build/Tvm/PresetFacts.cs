using System.Runtime.InteropServices;
using TvmBuild.Engine;

namespace TvmBuild.Tvm;

/// <summary>What a preset script's tests ask of the machine that builds: whether a path exists (<c>[ -d /opt/tflite
/// ]</c>), an environment variable, <c>uname -i</c>. In docker mode the paths are asked of the image, where CI ran
/// the script; the environment is this process's, which docker mode hands to the container.</summary>
public sealed record PresetFacts(
    Func<string, bool> DirectoryExists, Func<string, bool> FileExists, Func<string, string?> Environment,
    string Machine)
{
    /// <summary>This machine. <c>uname -i</c> is the processor's name (x86_64, aarch64): Ubuntu's uname prints it,
    /// Debian's prints "unknown", which the scripts' <c>!= "aarch64"</c> reads alike.</summary>
    public static PresetFacts Here { get; } =
        new(Directory.Exists, File.Exists, System.Environment.GetEnvironmentVariable, MachineName());

    /// <summary>Where <paramref name="runner"/> runs commands: this machine, or in docker mode the image.</summary>
    public static PresetFacts Of(ProcessRunner runner) => !runner.InContainer ? Here : Here with
    {
        DirectoryExists = path => Succeeds(runner, "-d", path),
        FileExists = path => Succeeds(runner, "-f", path),
    };

    private static bool Succeeds(ProcessRunner runner, string test, string path) =>
        runner.Probe(new Command("test", test, path), RunOptions.MayFail).ExitCode == 0;

    private static string MachineName() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "x86_64",
        Architecture.Arm64 => "aarch64",
        Architecture.X86 => "i686",
        var other => other.ToString().ToLowerInvariant(),
    };
}
