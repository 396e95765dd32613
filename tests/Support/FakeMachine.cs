namespace TvmBuild.Tests.Support;

/// <summary>A PATH holding only what build.sh needs plus stand-ins for what a preset asks of a machine: ldconfig's
/// cache (libraries), llvm-config-N, the C++ compiler. Doctor and --native see exactly this machine.</summary>
public sealed class FakeMachine
{
    private static readonly string[] Basics = ["bash", "dirname", "find", "sort", "xargs", "cksum", "flock", "cat",
        "dotnet", "git", "id", "ninja", "cmake", "python3", "sh"];

    public string Bin { get; } = BuildScript.TempDirectory("machine-");

    public FakeMachine(params string[] without)
    {
        foreach (var tool in Basics.Except(without))
            if (RequiresToolFactAttribute.Which(tool) is { } path)
                File.CreateSymbolicLink(Path.Combine(Bin, tool), path);
        Script("ldconfig", "echo '0 libs found in cache'");
    }

    public Dictionary<string, string?> Environment => new()
    {
        ["PATH"] = Bin, ["DOTNET_EXE"] = RequiresToolFactAttribute.Which("dotnet"), ["CXX"] = null,
    };

    /// <summary>libNAME.so in ldconfig's cache.</summary>
    public FakeMachine WithLibraries(params string[] names) => Script("ldconfig",
        $"echo '{names.Length} libs found in cache'\n" +
        string.Concat(names.Select(n => $"printf '\\tlib{n}.so (libc6,x86-64) => /usr/lib/lib{n}.so\\n'\n")));

    /// <summary>llvm-config-N answering --version (and --libfiles, with or without --link-static).</summary>
    public FakeMachine WithLlvm(int major, bool staticLibraries = true) => Script($"llvm-config-{major}",
        $"case \"$*\" in --version) echo {major}.0.6 ;; " +
        $"*--link-static*) exit {(staticLibraries ? 0 : 1)} ;; *) exit 0 ;; esac");

    /// <summary>c++ as g++ of this major version.</summary>
    public FakeMachine WithGcc(int major) => Script("c++",
        $"case \"$1\" in -dumpversion) echo {major} ;; " +
        $"--version) echo 'c++ (Debian {major}.2.0-14) {major}.2.0' ;; esac");

    private FakeMachine Script(string name, string body)
    {
        var path = Path.Combine(Bin, name);
        File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
        File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        return this;
    }
}
