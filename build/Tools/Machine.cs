using System.Text.RegularExpressions;
using TvmBuild.Engine;

namespace TvmBuild.Tools;

/// <summary>Read-only questions about this machine that a preset's settings raise: a library the linker finds, a
/// program, a path, a Python module, an llvm-config and its version, the compiler. Each answer is the thing found
/// (for Doctor's "Found" column) or null. Probes run even under --dry-run.</summary>
public sealed partial class Machine(ProcessRunner runner, string? python = null)
{
    private static readonly string[] LibraryDirectories =
        ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib", "/usr/local/lib", "/usr/lib64"];

    private string? _ldconfig;

    /// <summary>libNAME.so as find_library sees it: in ldconfig's cache or a usual library folder (the -dev package's
    /// link, not just the runtime's libNAME.so.2).</summary>
    public string? Library(string name)
    {
        var file = $"lib{name}.so";
        _ldconfig ??= (ToolResolver.TryFind("ldconfig") ?? ExistingPath("/sbin/ldconfig")) is { } ldconfig
            ? runner.Probe(new Command(ldconfig, "-p"), RunOptions.MayFail).Output : "";
        var cached = _ldconfig.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(file + " "));
        if (cached is not null) return cached.Split("=> ").Last();
        return LibraryDirectories.Select(directory => Path.Combine(directory, file)).FirstOrDefault(File.Exists);
    }

    public string? Program(string name) => ToolResolver.TryFind(name);

    public static string? ExistingPath(string path) =>
        path.Length > 0 && (File.Exists(path) || Directory.Exists(path)) ? path : null;

    /// <summary>A folder of the tree that is checked out (a submodule that was never updated is an empty
    /// folder).</summary>
    public static string? TreeFolder(AbsolutePath tvm, string folder) =>
        (tvm / folder) is var path && path.DirectoryExists() && Directory.EnumerateFileSystemEntries(path).Any()
            ? folder
            : null;

    public string? Module(string module)
    {
        var interpreter = python ?? ToolResolver.TryFind("python3") ?? "/usr/bin/python3";
        return File.Exists(interpreter) && Python.CanImport(runner, interpreter, module)
            ? $"{module} ({interpreter})"
            : null;
    }

    /// <summary>The major version of an llvm-config, or null when it does not run.</summary>
    public int? LlvmMajor(string llvmConfig)
    {
        var path = ToolResolver.TryFind(llvmConfig);
        if (path is null) return null;
        var result = runner.Probe(new Command(path, "--version"), RunOptions.MayFail);
        return result.ExitCode == 0 && LeadingNumber().Match(result.Output) is { Success: true } match
            ? int.Parse(match.Value)
            : null;
    }

    /// <summary>Whether llvm-config with these flags can name its libraries (--link-static needs the static
    /// ones).</summary>
    public bool LlvmLinks(string llvmConfig, IReadOnlyList<string> flags) =>
        ToolResolver.TryFind(llvmConfig) is { } path
        && runner.Probe(new Command(path, [.. flags, "--libfiles"]), RunOptions.MayFail).ExitCode == 0;

    /// <summary>Every llvm-config here: llvm-config-N and llvm-config on PATH, and Debian's
    /// /usr/lib/llvm-N/bin.</summary>
    public IEnumerable<string> LlvmConfigs()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Where(Directory.Exists).SelectMany(d => Directory.EnumerateFiles(d, "llvm-config*"))
            .Select(Path.GetFileName).OfType<string>().Where(n => LlvmConfigName().IsMatch(n)).Distinct();
        var debian = Directory.Exists("/usr/lib") ? Directory.EnumerateDirectories("/usr/lib", "llvm-*")
            .Select(d => Path.Combine(d, "bin", "llvm-config")).Where(File.Exists) : [];
        return onPath.Concat(debian);
    }

    /// <summary>The C++ compiler CMake will use (CXX, else c++) as "g++ 12" / "clang++ 14", with its kind and
    /// major.</summary>
    public (string Kind, int Major)? Compiler()
    {
        var name = Environment.GetEnvironmentVariable("CXX") is { Length: > 0 } cxx ? cxx.Split(' ')[0] : "c++";
        if (ToolResolver.TryFind(name) is not { } path) return null;
        var version = runner.Probe(new Command(path, "--version"), RunOptions.MayFail).Output;
        var major = runner.Probe(new Command(path, "-dumpversion"), RunOptions.MayFail).Output;
        if (LeadingNumber().Match(major) is not { Success: true } m) return null;
        return (version.Contains("clang", StringComparison.OrdinalIgnoreCase) ? "clang++" : "g++", int.Parse(m.Value));
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"^llvm-config(-\d+(\.\d+)?)?$")]
    private static partial Regex LlvmConfigName();
}
