using Shouldly;
using TvmBuild.Tests.Support;
using TvmBuild.Tools;
using Xunit;
using static TvmBuild.Tests.Support.InProcessBuild;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>The compiler cache as TVM's task_build.py uses it in the image (sccache: wrappers, server, statistics,
/// the S3 bucket with AWS credentials), and the statistics in the summary.</summary>
[Collection(nameof(InProcessCollection))]
public class CompilerCacheTests
{
    [Fact]
    public void Sccache_in_the_image_gets_task_build_pys_settings_and_its_statistics_reach_the_summary()
    {
        var tree = Trees.CopyFixture();
        var docker = new FakeDocker();
        var stats = docker.Environment(new()
        {
            // What the image's sccache --show-stats prints after the build (the fake prints it for every run).
            ["FAKE_DOCKER_MESSAGE"] = "Compile requests                      4\n" +
                                      "Cache hits                            3\n" +
                                      "Cache hits (C/C++)                    3\n" +
                                      "Cache misses                          1\n",
        });
        var result = Run(["Compile", "--tvm-home", tree, "--docker", "ci_cpu", "--compiler-cache", "sccache"], stats);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("Compiler cache: sccache: 3 hits, 1 misses (75% hits)");
        docker.Runs.Count.ShouldBe(2);
        foreach (var run in docker.Runs)
        {
            string[] settings =
                ["CC=/opt/sccache/cc", "CXX=/opt/sccache/c++", "SCCACHE_CACHE_SIZE=50G", "SCCACHE_SERVER_PORT=4226"];
            settings.ShouldAllBe(s => run.Contains(s));
            run.ShouldNotContain("-DCMAKE_CXX_COMPILER_LAUNCHER=sccache", "the image's wrappers are the compilers");
        }
        // task_build.py's order in the build's container: start the server, build, print the statistics.
        var build = docker.Runs[1];
        build.Skip(build.IndexOf("/docker/with_the_same_user") + 1).Take(7).ShouldBe(
        [
            "sh", "-c", "sccache --start-server; \"$@\"; status=$?; sccache --show-stats; exit $status",
            "sccache-build", "cmake", "--build", $"{tree}/build-cpu",
        ]);
    }

    [Fact]
    public void The_bucket_is_used_only_with_aws_credentials_which_pass_by_name()
    {
        string[] args = ["Compile", "--tvm-home", Fixture, "--docker", "ci_cpu", "--compiler-cache", "sccache",
            "--sccache-bucket", "my-bucket", "--dry-run"];
        var without = Run(args, new FakeDocker().Environment());
        without.ExitCode.ShouldBe(0, without.ToString());
        without.Output.ShouldNotContain("SCCACHE_BUCKET");

        var with = Run(args, new FakeDocker().Environment(new()
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIAFAKEFAKE", ["AWS_SECRET_ACCESS_KEY"] = "not-to-be-printed",
        }));
        var build = with.Output.Split('\n').Single(l => l.StartsWith("docker run") && l.Contains("cmake --build"));
        build.ShouldContain("--env SCCACHE_BUCKET=my-bucket ");
        build.ShouldContain("--env SCCACHE_REGION=us-west-2 ");
        build.ShouldContain("--env AWS_ACCESS_KEY_ID --env AWS_SECRET_ACCESS_KEY ");
        with.Output.ShouldNotContain("AKIAFAKEFAKE");
        with.Output.ShouldNotContain("not-to-be-printed");
    }

    [Fact]
    public void A_chosen_cache_that_is_not_installed_is_skipped_with_a_warning_as_task_build_py_does()
    {
        // This PATH without any sccache: a folder that holds one (Debian's is /usr/bin, with bash) is replaced by a
        // shim folder of links to everything else in it, so that nothing but sccache goes missing.
        var path = string.Join(":", (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(d => File.Exists(Path.Combine(d, "sccache")) ? WithoutSccache(d) : d));
        var result = Run(["Compile", "--tvm-home", Fixture, "--compiler-cache", "sccache", "--dry-run"],
            new() { ["PATH"] = path });
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("--compiler-cache sccache: not found on PATH, so the build uses no compiler cache");
        result.Output.ShouldNotContain("COMPILER_LAUNCHER");
    }

    private static string WithoutSccache(string folder)
    {
        var shim = BuildScript.TempDirectory("path-shim-");
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder).Where(e => Path.GetFileName(e) != "sccache"))
            File.CreateSymbolicLink(Path.Combine(shim, Path.GetFileName(entry)), entry);
        return shim;
    }

    [Fact]
    public void The_statistics_of_both_caches_are_read_as_their_tools_print_them()
    {
        CompilerCaches.ParseSccache("Compile requests 9\nCache hits 7\nCache hits (C/C++) 7\nCache misses 2\n")
            .ShouldBe(new CacheStats("sccache", 7, 2, 0));
        var before = CompilerCaches.ParseCcache("cache_miss\t4\ndirect_cache_hit\t1\npreprocessed_cache_hit\t0\n" +
                                                "remote_storage_hit\t0\nstats_updated_timestamp\t1795768685\n")!;
        var after = CompilerCaches.ParseCcache("cache_miss\t4\ndirect_cache_hit\t4\npreprocessed_cache_hit\t2\n" +
                                               "remote_storage_hit\t5\n")!;
        (after - before).ShouldBe(new CacheStats("ccache", 5, 0, 5));
        (after - before).ToString().ShouldBe("ccache: 5 hits (5 from remote storage), 0 misses (100% hits)");
        CompilerCaches.ParseSccache("no statistics here").ShouldBeNull();
    }
}
