using System.Diagnostics;
using System.Text.RegularExpressions;
using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.Safety;

/// <summary>An unwritable folder or a full disk is one clear line and exit ≠ 0, with no stack
/// trace, no .NET resource key and no temporary file left; concurrent runs keep their own logs; Ctrl-C in DevShell
/// is Aborted.</summary>
public class FaultTests
{
    internal static void ShouldBeOneCleanError(ScriptResult result)
    {
        result.ExitCode.ShouldBe(255, result.ToString());
        result.Output.ShouldNotMatch(@"\n\s+at [A-Za-z_.<>`]+\(", "no stack trace");
        result.Output.ShouldNotMatch(@"\b[A-Z][A-Za-z]+_[A-Z][A-Za-z]+(_[A-Za-z]+)*\b",
            "no .NET resource keys such as IO_PathNotFound_Path");
    }

    /// <summary>A build root whose .nuke/temp is a file: nothing can be written there.</summary>
    internal static string BrokenRoot()
    {
        var root = TempDirectory();
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        File.WriteAllText(Path.Combine(root, ".nuke", "temp"), "not a folder");
        return root;
    }

    [RequiresMountNamespaceFact]
    public void A_read_only_build_directory_is_not_reported_as_another_build()
    {
        var build = TempDirectory();
        var result = InMountNamespace($"mount --bind -o ro {build} {build}", build, "--build-dir", build);
        ShouldBeOneCleanError(result);
        result.Output.ShouldContain($"Cannot write {build}/.tvm-build-dir: Read-only file system");
        result.Output.ShouldNotContain("Another build is using");
    }

    [RequiresMountNamespaceFact]
    public void A_full_disk_while_writing_config_cmake_leaves_the_old_file_and_no_temporary_one()
    {
        var disk = TempDirectory();
        var build = Path.Combine(disk, "build");
        // A 64 KiB disk: make the build directory first, then fill the disk, so config.cmake is what cannot be written.
        var fill = $"mount -t tmpfs -o size=64k tmpfs {disk} && mkdir {build} && " +
                   $"printf 'made by tvm-build\\n' > {build}/.tvm-build-dir && " +
                   $"printf 'old\\n' > {build}/config.cmake && " +
                   $"(dd if=/dev/zero of={disk}/fill bs=4k 2>/dev/null || true)";
        var result = InMountNamespace(fill, build, "--build-dir", build,
            "&& cat", $"{build}/config.cmake", "&& ls -a", build);
        ShouldBeOneCleanError(result);
        result.Output
            .ShouldContain($"Target Configure failed: Cannot write {build}/config.cmake: No space left on device");
        result.Output.ShouldContain("\nold\n");
        result.Output.ShouldNotMatch(@"config\.cmake\.\d+\.tmp", "no temporary file left");
    }

    /// <summary>Runs ./build.sh Configure --config-only inside a private mount namespace after <paramref name="setup"/>
    /// (a shell command), then the words after "&amp;&amp;" as more commands; the exit code is build.sh's.</summary>
    private static ScriptResult InMountNamespace(string setup, string build, params string[] more)
    {
        var tree = Trees.CopyFixture();
        var configure = $"{RepoRoot}/build.sh Configure --config-only --no-logo --tvm-home {tree} " +
            $"{string.Join(" ", more.TakeWhile(m => !m.StartsWith("&&")))}";
        var after = string.Join(" ", more.SkipWhile(m => !m.StartsWith("&&"))).Replace("&& ", "; ");
        var script = $"{setup} || exit 99; {configure}; status=$?{after}; exit $status";
        var result = Run(["-m", "--propagation", "private", "sh", "-c", script], script: "/usr/bin/unshare");
        result.ExitCode.ShouldNotBe(99, $"the setup failed: {result.Output}");
        _ = build;
        return result;
    }

    [Fact]
    public async Task Concurrent_runs_keep_their_own_logs_and_the_newest_five_stay()
    {
        var root = TempDirectory();
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        var tree = Trees.CopyFixture();
        var runs = new[] { "cpu", "wasm" }.Select(preset => Task.Run(() =>
            Run("Configure", "--config-only", "--tvm-home", tree, "--preset", preset, "--root", root))).ToArray();
        await Task.WhenAll(runs);
        var logs = Directory.GetFiles(Path.Combine(root, ".nuke", "temp", "logs")).Order().ToList();
        logs.Count.ShouldBe(2);
        logs.Select(File.ReadAllText).Count(l => l.Contains($"Wrote {tree}/build-cpu/config.cmake")).ShouldBe(1);
        logs.Select(File.ReadAllText).Count(l => l.Contains($"Wrote {tree}/build-wasm/config.cmake")).ShouldBe(1);

        for (var i = 0; i < 5; i++)
            Run("Configure", "--config-only", "--dry-run", "--tvm-home", Fixture, "--root", root).ExitCode.ShouldBe(0);
        var kept = Directory.GetFiles(Path.Combine(root, ".nuke", "temp", "logs")).Order().ToList();
        kept.Count.ShouldBe(5);
        var newest = new FileInfo(Path.Combine(root, ".nuke", "temp", "build.log"))
            .ResolveLinkTarget(returnFinalTarget: true)!;
        newest.FullName.ShouldBe(kept.Last());
    }

    [Fact]
    public void Ctrl_c_in_DevShell_is_aborted_with_exit_130()
    {
        var docker = new FakeDocker();
        var result = Run(["DevShell", "--tvm-home", Fixture, "--docker", "ci_cpu", "--", "sleep", "60"],
            docker.Environment(new() { ["FAKE_DOCKER_SLEEP"] = "60" }),
            whileRunning: process =>
            {
                docker.WaitUntilRunning(TimeSpan.FromSeconds(60));
                Process.Start("kill", ["-INT", process.Id.ToString()])!.WaitForExit();
            });
        result.ExitCode.ShouldBe(130, result.ToString());
        result.Output.ShouldMatch(@"DevShell\s+Aborted");
        result.Output.ShouldContain("Build cancelled on ");
        Regex.IsMatch(result.Output, "exited with code").ShouldBeFalse();
    }
}
