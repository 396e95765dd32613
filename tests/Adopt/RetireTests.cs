using System.Text.RegularExpressions;
using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Adopt.AdoptTests;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.Adopt;

/// <summary>Adopt --retire in a git copy of the fixture (with stand-ins for docker/bash.sh and tests/scripts/ci.py):
/// the replaced scripts go, forwarders run the new commands, nothing in the tree names a removed path.</summary>
public class RetireTests
{
    // One retired tree for the tests that only run in it (each build from inside compiles the home once).
    private static readonly Lazy<(string Tree, ScriptResult Adopt)> Shared = new(() =>
    {
        var tree = RetiredFixture(out var adopt);
        return (tree, adopt);
    });

    private static string SharedRetiredFixture(out ScriptResult adopt)
    {
        adopt = Shared.Value.Adopt;
        return Shared.Value.Tree;
    }

    private static string RetiredFixture(out ScriptResult adopt)
    {
        var tree = GitTree.CommittedFixture();
        Directory.CreateDirectory(Path.Combine(tree, "docker"));
        File.WriteAllText(Path.Combine(tree, "docker", "bash.sh"), "#!/bin/sh\necho the old bash.sh\n");
        File.WriteAllText(Path.Combine(tree, "tests", "scripts", "ci.py"), "print('the old ci.py')\n");
        File.AppendAllText(Path.Combine(tree, "docs", "contribute", "pull_request.rst"),
            "\n.. code:: bash\n\n  ./tests/scripts/task_python_unittest.sh\n" +
            "  docker/bash.sh ci_cpu tests/scripts/task_python_unittest.sh\n");
        GitTree.Git(tree, "add", "-A");
        GitTree.Git(tree, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "scripts to retire");
        adopt = Run("Adopt", "--retire", "--tvm-home", tree);
        ReuseCompiledBuild(tree);
        return tree;
    }

    [Fact]
    public void Retire_removes_what_the_build_replaces_and_everything_runs_from_inside()
    {
        var tree = SharedRetiredFixture(out var adopt);
        adopt.ExitCode.ShouldBe(0, adopt.ToString());
        adopt.Output.ShouldContain("remove   tests/scripts/task_python_unittest.sh (replaced by ./build.sh UnitTest)");
        adopt.Output.ShouldContain("remove   tests/scripts/task_config_build_cpu.sh " +
                                   "(replaced by ./build.sh Configure --preset cpu --config-only)");
        adopt.Output.ShouldContain("forward  docker/bash.sh");
        adopt.Output.ShouldContain("forward  tests/scripts/ci.py");
        adopt.Output.ShouldContain("update   docs/contribute/pull_request.rst");
        adopt.Output.ShouldContain("--retire: 2 files go; none of the");
        File.Exists(Path.Combine(tree, "tests", "scripts", "task_python_unittest.sh")).ShouldBeFalse();
        var guide = File.ReadAllText(Path.Combine(tree, "docs", "contribute", "pull_request.rst"));
        guide.ShouldContain("  ./build.sh UnitTest\n  ./build.sh UnitTest --docker ci_cpu\n");

        foreach (var args in new[] { new[] { "Compile" }, ["UnitTest"], ["Lint"], ["CiTask", "--name", "unittest",
            "--dry-run"], ["GenerateCi", "--check"] })
        {
            var inside = Inside(tree, args);
            inside.ExitCode.ShouldBe(0, $"./build.sh {string.Join(" ", args)}\n{inside}");
            inside.Output.ShouldNotContain("compiling the build project", Case.Sensitive, "ReuseCompiledBuild");
        }

        // No file of the tree but the home (whose guide maps the old scripts) names a removed path.
        var removed = Regex.Matches(adopt.Output, @"remove +(\S+)").Select(m => m.Groups[1].Value).ToList();
        var home = Written(adopt).Where(p => !Regex.IsMatch(adopt.Output,
            $@"(update|forward|edit) +{Regex.Escape(p)}\b")).ToHashSet();
        var files = GitTree.Git(tree, "ls-files", "--cached", "--others", "--exclude-standard").Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(f => File.Exists(Path.Combine(tree, f)) && !home.Contains(f)).ToList();
        files.ShouldContain("docker/bash.sh");
        foreach (var file in files)
        {
            var text = File.ReadAllText(Path.Combine(tree, file));
            foreach (var path in removed)
                text.ShouldNotContain(Path.GetFileName(path), Case.Sensitive, $"{file} names {path}");
        }

        var again = Inside(tree, ["Adopt", "--retire"]);
        again.ExitCode.ShouldBe(0, again.ToString());
        again.Output.ShouldContain("Nothing to do");
    }

    [Fact]
    public void The_docker_bash_sh_forwarder_runs_what_devshell_runs()
    {
        var tree = SharedRetiredFixture(out var adopt);
        adopt.ExitCode.ShouldBe(0, adopt.ToString());
        var data = TempDirectory();
        var cases = new List<(string[] BashSh, string[] Ours)>
        {
            (["ci_cpu", "--", "true"], ["--docker", "ci_cpu", "--", "true"]),
            (["-i", "-t", "ci_cpu"], ["--docker", "ci_cpu", "--interactive", "--tty"]),
            (["--net=host", "--name", "foo", "--env", "FOO=bar", "-e", "BAZ=qux", "--mount", data, "ci_cpu", "make",
                "-j2"],
             ["--docker", "ci_cpu", "--net", "host", "--container-name", "foo", "--env", "FOO=bar", "--env", "BAZ=qux",
                 "--mount", data, "--", "make", "-j2"]),
        };
        foreach (var (bashSh, ours) in cases)
        {
            var forwarded = new FakeDocker();
            var viaForwarder = Run(bashSh, forwarded.Environment(), workingDirectory: tree,
                script: Path.Combine(tree, "docker", "bash.sh"));
            viaForwarder.ExitCode.ShouldBe(0, viaForwarder.ToString());
            viaForwarder.Output.ShouldContain("docker/bash.sh is now: ./build.sh DevShell --docker ci_cpu");
            var direct = new FakeDocker();
            var viaBuild = Run(["DevShell", .. ours], direct.Environment(), workingDirectory: tree,
                script: Path.Combine(tree, "build.sh"));
            viaBuild.ExitCode.ShouldBe(0, viaBuild.ToString());
            Normalize(forwarded.Runs).ShouldBe(Normalize(direct.Runs), $"docker/bash.sh {string.Join(" ", bashSh)}");
        }
    }

    [Fact]
    public void The_ci_py_forwarder_prints_and_runs_the_new_command()
    {
        var tree = SharedRetiredFixture(out var adopt);
        adopt.ExitCode.ShouldBe(0, adopt.ToString());
        var fake = new FakeDocker();
        var result = Run(["tests/scripts/ci.py", "cpu", "--cpp", "--tests", "tests/python/unittest", "--skip-build"],
            fake.Environment(new() { ["TVM_BUILD_DRY_RUN"] = "true" }), workingDirectory: tree,
                script: "/usr/bin/python3");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain(
            "tests/scripts/ci.py is now: ./build.sh CppTest --docker ci_cpu --tests tests/python/unittest --skip");
        result.Output.ShouldContain("── CppTest ──");
        result.Output.ShouldMatch(@"Configure +Skipped +// --skip");
    }

    [Fact]
    public void Retire_in_a_v090_shaped_tree_removes_the_makefile_and_the_layout_stays_known()
    {
        var tree = Trees.CopyFixtureAsV090();
        GitTree.Git(tree, "init", "--quiet", "--initial-branch=main");
        GitTree.Git(tree, "add", "-A");
        GitTree.Git(tree, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "-m", "fixture");
        var adopt = Run("Adopt", "--retire", "--tvm-home", tree);
        adopt.ExitCode.ShouldBe(0, adopt.ToString());
        adopt.Output.ShouldContain("remove   Makefile (replaced by ./build.sh Compile)");
        File.Exists(Path.Combine(tree, "Makefile")).ShouldBeFalse();
        File.Exists(Path.Combine(tree, "tests", "scripts", "task_python_integration.sh"))
            .ShouldBeTrue("kept: its variants run it");
        ReuseCompiledBuild(tree);
        var configure = Inside(tree, ["Configure", "--config-only"]);
        configure.ExitCode.ShouldBe(0, configure.ToString());
    }

    private static List<string> Normalize(List<List<string>> runs) =>
        runs.Select(r => Regex.Replace(string.Join(" ", r), @"devshell-\d+\.cid", "devshell-N.cid")).ToList();
}
