using System.Text.RegularExpressions;
using TvmBuild.Engine;

namespace TvmBuild.Tools;

/// <summary>Typed CMake invocations: configure (<c>-S -B -G -D</c>) and build
/// (<c>--build --target --parallel</c>).</summary>
public static partial class CMake
{
    public static string Find(ProcessRunner runner) => runner.Find("cmake", Packages.Hint("cmake"));

    public static Command Configure(ProcessRunner runner, AbsolutePath source, AbsolutePath build, string generator,
        IEnumerable<(string Key, string Value)> definitions) =>
        new(Find(runner), [
            "-S", source, "-B", build, "-G", generator,
            .. definitions.Select(d => $"-D{d.Key}={d.Value}"),
        ]);

    public static Command Build(ProcessRunner runner, AbsolutePath build, IEnumerable<string> targets, int parallel,
        bool verbose) =>
        new(Find(runner), [
            "--build", build,
            .. targets.SelectMany(t => new[] { "--target", t }),
            "--parallel", parallel.ToString(),
            .. verbose ? new[] { "--verbose" } : [],
        ]);

    /// <summary>A value as one argument of a CMake command that reads back exactly as given and cannot end the command:
    /// a plain word as is (TVM's look, <c>set(USE_LLVM llvm-config-14)</c>), anything else as a bracket argument
    /// (<c>[=[...]=]</c>: no escapes, no <c>${}</c>, no comments) whose level the value cannot close.</summary>
    public static string Argument(string value)
    {
        if (value.Length == 0) return "\"\"";
        if (PlainWord().IsMatch(value)) return value;
        if (value.Contains('\n') || value.Contains('\r'))
            throw new ArgumentException("A CMake bracket argument would drop a leading line break.", nameof(value));
        var level = "";
        // "]" appended: a value ending in "]=" would otherwise close the bracket together with its closing "]".
        while ((value + "]").Contains($"]{level}]")) level += "=";
        return $"[{level}[{value}]{level}]";
    }

    /// <summary>The installed version, e.g. 3.25.1; null when cmake is missing.</summary>
    public static Version? InstalledVersion(ProcessRunner runner)
    {
        if (ToolResolver.TryFind("cmake") is not { } cmake) return null;
        var output = runner.OnHost.Probe(new Command(cmake, "--version")).Output;
        return VersionPattern().Match(output) is { Success: true } m ? Version.Parse(m.Value) : null;
    }

    /// <summary><c>cmake_minimum_required(VERSION 3.26)</c> of a CMakeLists.txt, if it says one.</summary>
    public static Version? MinimumRequired(AbsolutePath cmakeLists)
    {
        if (!cmakeLists.FileExists()) return null;
        var match = MinimumPattern().Match(cmakeLists.ReadAllText());
        if (!match.Success) return null;
        var version = match.Groups[1].Value;
        return Version.Parse(version.Contains('.') ? version : version + ".0");
    }

    /// <summary>The generator and source directory an existing build directory was configured with.</summary>
    public static (string? Generator, string? Source) ReadCache(AbsolutePath build)
    {
        var cache = build / "CMakeCache.txt";
        if (!cache.FileExists()) return (null, null);
        var lines = File.ReadAllLines(cache);
        return (CacheEntry(lines, "CMAKE_GENERATOR"), CacheEntry(lines, "CMAKE_HOME_DIRECTORY"));
    }

    /// <summary>The value of a CMakeCache.txt entry (<c>KEY:TYPE=value</c>) as written, or null when the cache has
    /// none.</summary>
    public static string? CacheEntry(IEnumerable<string> cacheLines, string key)
    {
        foreach (var line in cacheLines)
            if (line.StartsWith(key + ":", StringComparison.Ordinal) && line.IndexOf('=') is > 0 and var equals)
                return line[(equals + 1)..];
        return null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.+/:=,-]+\z")]
    private static partial Regex PlainWord();

    [GeneratedRegex(@"\d+\.\d+(\.\d+)?")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"cmake_minimum_required\s*\(\s*VERSION\s+([0-9.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MinimumPattern();
}
