using Shouldly;
using TvmBuild.Tests.EndToEnd;
using TvmBuild.Tests.Support;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.Simulation;

/// <summary>The generated workflow run as GitHub runs it for a pull request (GitHubRun): each job in a fresh clone
/// with GITHUB_ACTIONS=true and only its own steps, from a tvm-build checkout as fresh as a runner's (dev/lint
/// without its npm tools).</summary>
public class GitHubSimulationTests
{
    [RequiresToolFact("npm", "apt-get install npm")]
    public void Each_job_passes_in_a_fresh_clone_and_the_macos_and_windows_jobs_stay_in_apache_tvm()
    {
        var tree = SimulationTree.Create();
        var root = CiTests.ScratchRoot();
        var lint = Path.Combine(root, "dev", "lint");
        var tracked = Processes.Run("git", ["ls-files", "dev/lint"], RepoRoot).Output;
        foreach (var file in tracked.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, file))!);
            File.Copy(Path.Combine(RepoRoot, file), Path.Combine(root, file));
        }
        var environment = new Dictionary<string, string?>
        {
            ["GITHUB_ACTIONS"] = "true", ["CI"] = "true", ["GITHUB_REPOSITORY"] = "contributor/tvm",
            ["GITHUB_EVENT_NAME"] = "pull_request", ["GITHUB_HEAD_REF"] = "pr", ["GITHUB_BASE_REF"] = "main",
            ["GITHUB_REF_NAME"] = "1/merge", ["GITHUB_RUN_ID"] = "5", ["RUNNER_TVM_BUILD"] = root,
            ["XDG_CACHE_HOME"] = CacheHome,
        };
        SimulationTree.WithoutCallersSettings(environment);

        var run = GitHubRun.Start(Path.Combine(RepoRoot, "ci", "workflows", "ci.yml"), tree, "contributor/tvm",
            environment);

        run.Jobs.Keys.ShouldBe(["lint", "macos", "windows"]);
        var job = run.Jobs["lint"];
        job.Result.ShouldBe("success", job.Log);
        job.Log.ShouldContain("Installing dev/lint's pinned npm tools");
        job.Log.ShouldNotContain("Linters without their tool");
        job.Log.ShouldContain("Lint: 0 problems");
        job.Log.ShouldNotContain("has no effect");
        Directory.Exists(Path.Combine(lint, "node_modules", "@taplo", "cli")).ShouldBeTrue();
        // TVM's guard: a fork's pull request runs no macOS or Windows job.
        run.Jobs["macos"].Result.ShouldBe("skipped");
        run.Jobs["windows"].Result.ShouldBe("skipped");
    }
}
