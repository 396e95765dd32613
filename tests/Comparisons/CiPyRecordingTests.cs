using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.Comparisons;

/// <summary>The container environment CiTask gives a build step equals what tests/scripts/ci.py gives its container at
/// TVM main (the recording), for each platform ci.py builds: the same sccache wrappers and settings (or none, where
/// ci.py uses none), TVM_LIBRARY_PATH, VERBOSE, and a container name that is also its hostname.
/// Runs in every CI run.</summary>
public class CiPyRecordingTests
{
    /// <summary>ci.py's command → the catalog task that builds the same platform.</summary>
    public static TheoryData<string, string> Commands => new()
    {
        { "cpu --unittest", "build-cpu" },
        { "gpu --unittest", "build-gpu" },
        { "wasm --test", "build-wasm" },
    };

    // What ci.py's docker() sets besides bash.sh's own variables (compared by BashShRecordingTests).
    private static readonly string[] CiPyVariables =
        ["TVM_LIBRARY_PATH", "VERBOSE", "CC", "CXX", "SCCACHE_CACHE_SIZE", "SCCACHE_SERVER_PORT"];

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_build_steps_container_gets_ci_py_s_environment(string command, string task)
    {
        var recording = Recordings.Read("ci-py.main.json").GetProperty(command);
        var images = Recordings.Read("bash-sh.main.json").GetProperty("images").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString()!);
        var tree = Recordings.FixtureOf("main", images);
        var ciPy = Environment(Recordings.Strings(recording.GetProperty("argv"))
            .Select(a => a.Replace("{REPO}", tree)).ToList());

        var docker = new FakeDocker();
        var result = Run(["CiTask", "--name", task, "--tvm-home", tree, "--dry-run"], docker.Environment());
        result.ExitCode.ShouldBe(0, result.ToString());
        var run = Recordings.ShellWords(result.Output.Split('\n').First(l => l.StartsWith("docker run ")));
        var ours = Environment(run);

        // ci.py leaves ci_wasm out of its sccache images ("as sccache is added to these images these can be
        // uncommented"), but docker/Dockerfile.ci_wasm installs sccache and TVM's CI passes --sccache-bucket to
        // task_build.py, which uses sccache whenever the image has it: CI builds wasm with sccache, as we do.
        string[] sccache = ["CC", "CXX", "SCCACHE_CACHE_SIZE", "SCCACHE_SERVER_PORT"];
        var stale = task == "build-wasm" ? sccache : [];
        foreach (var variable in stale)
        {
            ciPy.ShouldNotContainKey(variable);
            ours.ShouldContainKey(variable);
        }
        foreach (var variable in CiPyVariables.Except(stale))
            ours.GetValueOrDefault(variable)
                .ShouldBe(ciPy.GetValueOrDefault(variable), $"{variable} ({command} vs {task})");
        // ci.py sets PLATFORM to its container's name; TVM's Jenkinsfiles (what CI runs) set the platform, as we do.
        ciPy["PLATFORM"].ShouldBe("{NAME}");
        ours["PLATFORM"].ShouldBe(task["build-".Length..]);
        var name = run[run.IndexOf("--name") + 1];
        run[run.IndexOf("--hostname") + 1].ShouldBe(name);
        name.ShouldMatch($"^ci-{task}-[a-z]{{5}}$");
    }

    [Fact]
    public void The_scripts_ci_py_runs_are_mapped_by_the_catalog()
    {
        var catalog = File.ReadAllText(Path.Combine(RepoRoot, "ci", "catalog.yaml"));
        foreach (var command in Recordings.Read("ci-py.main.json").EnumerateObject())
            foreach (var line in Recordings.Strings(command.Value.GetProperty("script"))
                         .Where(l => l.StartsWith("./tests/scripts/")))
            {
                var script = Path.GetFileName(line.Split(' ')[0]);
                catalog.ShouldContain(script,
                    customMessage: $"ci.py {command.Name} runs {script}; no catalog step maps it");
            }
    }

    private static Dictionary<string, string> Environment(IReadOnlyList<string> argv) =>
        argv.Select((a, i) => (a, i)).Where(p => p.a == "--env" && p.i + 1 < argv.Count)
            .Select(p => argv[p.i + 1].Split('=', 2)) // --env NAME: the host's value, by name
            .GroupBy(kv => kv[0]).ToDictionary(g => g.Key, g => g.Last().Length == 2 ? g.Last()[1] : "(by name)");
}
