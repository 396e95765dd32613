using System.Text.RegularExpressions;
using TvmBuild.Engine;

namespace TvmBuild.Tools;

/// <summary>sccache and ccache as TVM's CI and this build use them: the settings they read, and their
/// statistics.</summary>
public static partial class CompilerCaches
{
    /// <summary>In TVM's CI images sccache sits in /opt/sccache (docker/install/ubuntu_install_sccache.sh), with
    /// cc and c++ wrappers that ci.py and task_build.py hand to CMake as CC and CXX.</summary>
    public const string ImageWrappers = "/opt/sccache/";

    /// <summary>ci.py's and task_build.py's sccache settings for a build in the image. The bucket is used only when
    /// AWS credentials are there (AWS_ACCESS_KEY_ID), as task_build.py decides; the host's SCCACHE_CACHE_SIZE and
    /// SCCACHE_SERVER_PORT win over ci.py's defaults.</summary>
    public static Dictionary<string, string?> ImageEnvironment(
        string? bucket, string? region, Func<string, string?> host)
    {
        var environment = new Dictionary<string, string?>
        {
            ["CC"] = ImageWrappers + "cc",
            ["CXX"] = ImageWrappers + "c++",
            ["SCCACHE_CACHE_SIZE"] = host("SCCACHE_CACHE_SIZE") is { Length: > 0 } size ? size : "50G",
            ["SCCACHE_SERVER_PORT"] = host("SCCACHE_SERVER_PORT") is { Length: > 0 } port ? port : "4226",
        };
        foreach (var (key, value) in Bucket(bucket, region, host)) environment[key] = value;
        return environment;
    }

    /// <summary>SCCACHE_BUCKET and SCCACHE_REGION (us-west-2 unless said), when a bucket is given and AWS credentials
    /// are in the environment; otherwise sccache keeps its local cache.</summary>
    public static Dictionary<string, string?> Bucket(string? bucket, string? region, Func<string, string?> host) =>
        bucket is null || string.IsNullOrEmpty(host("AWS_ACCESS_KEY_ID")) ? []
            : new() { ["SCCACHE_BUCKET"] = bucket, ["SCCACHE_REGION"] = region ?? "us-west-2" };

    /// <summary>ccache with a remote storage that machines share (redis://, http://): paths under the tree are hashed
    /// relative to it and the working directory is not hashed, so two checkouts at different paths share
    /// entries.</summary>
    public static Dictionary<string, string?> CcacheRemote(string remote, AbsolutePath tree) => new()
    {
        ["CCACHE_REMOTE_STORAGE"] = remote,
        ["CCACHE_BASEDIR"] = tree,
        ["CCACHE_NOHASHDIR"] = "true",
    };

    /// <summary>The cache a configured build directory compiles through: its launcher, or sccache's wrappers as the
    /// compiler (TVM's images); null when none.</summary>
    public static string? InUse(AbsolutePath buildDirectory)
    {
        var cache = buildDirectory / "CMakeCache.txt";
        if (!cache.FileExists()) return null;
        var lines = File.ReadAllLines(cache);
        var launcher = CacheValue(lines, "CMAKE_CXX_COMPILER_LAUNCHER");
        var tool = launcher is null ? null : Path.GetFileName(launcher.Split(';')[0]);
        if (tool is "ccache" or "sccache") return tool;
        return CacheValue(lines, "CMAKE_CXX_COMPILER")?.StartsWith(ImageWrappers) == true ? "sccache" : null;
    }

    /// <summary>task_build.py's way around a build in the image: start sccache's server, build, print its statistics
    /// (that server lives only as long as the container). A fixed script; the build's command stays its
    /// arguments.</summary>
    public static Command WithSccacheServer(Command build) => build with
    {
        Executable = "sh",
        Arguments =
        [
            "-c", "sccache --start-server; \"$@\"; status=$?; sccache --show-stats; exit $status", "sccache-build",
            build.Executable, .. build.Arguments,
        ],
    };

    /// <summary>The statistics of the tool on this machine (sccache's server, ccache's counters), or null.</summary>
    public static CacheStats? Read(ProcessRunner runner, string tool)
    {
        if (ToolResolver.TryFind(tool) is not { } path) return null;
        var output = runner.OnHost.Probe(new Command(path, tool == "ccache" ? "--print-stats" : "--show-stats"),
            RunOptions.MayFail);
        if (output.ExitCode != 0) return null;
        return tool == "ccache" ? ParseCcache(output.Output) : ParseSccache(output.Output);
    }

    /// <summary>`sccache --show-stats`: the last "Cache hits" and "Cache misses" lines of the text.</summary>
    public static CacheStats? ParseSccache(string text)
    {
        var hits = SccacheHits().Matches(text).LastOrDefault();
        var misses = SccacheMisses().Matches(text).LastOrDefault();
        return hits is null || misses is null ? null
            : new CacheStats("sccache", long.Parse(hits.Groups[1].Value), long.Parse(misses.Groups[1].Value), 0);
    }

    /// <summary>`ccache --print-stats`: tab-separated counters.</summary>
    public static CacheStats? ParseCcache(string text)
    {
        var counters = text.Split('\n').Select(l => l.Split('\t'))
            .Where(p => p.Length == 2 && long.TryParse(p[1], out _)).ToDictionary(p => p[0], p => long.Parse(p[1]));
        long Get(string key) => counters.GetValueOrDefault(key);
        return counters.ContainsKey("cache_miss")
            ? new CacheStats("ccache", Get("direct_cache_hit") + Get("preprocessed_cache_hit"), Get("cache_miss"),
                Get("remote_storage_hit"))
            : null;
    }

    private static string? CacheValue(IEnumerable<string> cacheLines, string key) =>
        CMake.CacheEntry(cacheLines, key)?.Trim() is { Length: > 0 } value ? value : null;

    [GeneratedRegex(@"^Cache hits\s+(\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex SccacheHits();

    [GeneratedRegex(@"^Cache misses\s+(\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex SccacheMisses();
}
