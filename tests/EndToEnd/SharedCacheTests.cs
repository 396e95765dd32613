using Shouldly;
using TvmBuild.Tests.Support;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>A compiler cache shared by machines, for real: ccache's remote storage on a redis-server of the test's
/// own. Two "agents" (two checkouts at different paths, each with its own empty local cache) share only the
/// remote.</summary>
public class SharedCacheTests
{
    [RequiresToolFact("redis-server", "apt-get install redis-server ccache (.ci/run does)")]
    public void A_second_agent_gets_every_object_from_the_remote_cache()
    {
        RequiresToolFactAttribute.Which("ccache").ShouldNotBeNull("apt-get install ccache (.ci/run does)");
        using var redis = new Redis();
        var first = Agent(redis);
        first.Result.ExitCode.ShouldBe(0, first.Result.ToString());
        var objects = Objects(first.Tree);
        objects.ShouldBeGreaterThanOrEqualTo(3);
        first.Result.Output.ShouldContain($"Compiler cache: ccache: 0 hits, {objects} misses (0% hits)");

        var second = Agent(redis);
        second.Result.ExitCode.ShouldBe(0, second.Result.ToString());
        Objects(second.Tree).ShouldBe(objects);
        second.Result.Output.ShouldContain(
            $"Compiler cache: ccache: {objects} hits ({objects} from remote storage), 0 misses (100% hits)");
    }

    /// <summary>A clean build of a fresh checkout with an empty local cache of its own.</summary>
    private static (string Tree, ScriptResult Result) Agent(Redis redis)
    {
        var tree = Trees.CopyFixture();
        var localCache = new Dictionary<string, string?>
        {
            ["CCACHE_DIR"] = TempDirectory("ccache-"), ["CCACHE_CONFIGPATH"] = null,
        };
        string[] args =
            ["Compile", "--tvm-home", tree, "--compiler-cache", "ccache", "--ccache-remote-storage", redis.Url];
        var result = Run(args, localCache);
        return (tree, result);
    }

    private static int Objects(string tree) =>
        Directory.GetFiles(Path.Combine(tree, "build-cpu"), "*.o", SearchOption.AllDirectories).Length;
}
