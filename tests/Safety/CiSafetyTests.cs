using System.Text.RegularExpressions;
using Shouldly;
using TvmBuild.Ci;
using TvmBuild.Engine;
using TvmBuild.Tests.Support;
using Xunit;
using YamlDotNet.RepresentationModel;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.Safety;

/// <summary>No catalog value becomes YAML, shell or Groovy code, and no generated CI step
/// hides a failure of ./build.sh (what GenerateCi refuses: <see cref="CiCatalogSafetyTests"/>).</summary>
public class CiSafetyTests
{
    [RequiresToolFact("groovy", "apt-get install groovy (.ci/run does)")]
    public void A_value_the_loader_would_refuse_still_reaches_jenkins_as_one_value()
    {
        const string name = "x'; sh 'id'; '\\";
        const string agent = "CPU') { sh 'id' }\nnode('CPU";
        const string junit = "*.xml'), sh('id\"${env.HOME}";
        var jenkinsfile = Path.Combine(TempDirectory(), "Jenkinsfile");
        var catalog = Hostile(name: name, agent: agent, junit: junit, produces: ["a'b", "c\\d"]);
        File.WriteAllText(jenkinsfile, Jenkinsfile.Generate(catalog, "test"));

        var steps = JenkinsStub.Run(jenkinsfile);

        steps.ShouldContain(s => s[0] == "branch" && s[1] == name);
        steps.ShouldContain(s => s[0] == "node" && s[1] == agent);
        steps.ShouldContain(s => s[0] == "ws" && s[1] == $"workspace/exec_1/tvm/{name}");
        steps.ShouldContain(s => s[0] == "junit" && s[1] == junit);
        steps.ShouldContain(s => s[0] == "stash" && s[1] == name && s[2] == "a'b,c\\d");
        var commands = steps.Commands();
        commands.Count.ShouldBe(2, string.Join("\n", commands));
        commands[0].ShouldBe("./build.sh CiTask --changes --verbosity quiet");
        // The shell gets the name as one argument.
        var (_, argv) = Processes.Run("bash", ["-c", commands[1].Replace("./build.sh", "printf '%s\\n'")]);
        argv.ShouldBe($"CiTask\n--name\n{name}\n");
    }

    [Fact]
    public void A_value_the_loader_would_refuse_stays_one_yaml_value_or_is_not_written()
    {
        const string runner = "ubuntu\"\n  evil: [1]  # x";
        const string junit = "*.xml\"\n- run: id  # x";
        var yaml = new YamlStream();
        var catalog = Hostile(runner: runner, junit: junit, produces: ["a'b: c", "#d"], image: "ci_'x");
        yaml.Load(new StringReader(GitHubWorkflow.Generate(catalog, "test")));

        var jobs = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["jobs"];
        var job = (YamlMappingNode)jobs["build-cpu"];
        job["runs-on"].ToString().ShouldBe(runner);
        job["container"]["image"].ToString().ShouldBe("${{ fromJSON(needs.prepare.outputs.images)['ci_''x'] }}");
        var paths = ((YamlSequenceNode)job["steps"]).Cast<YamlMappingNode>()
            .Select(s => s.Children.TryGetValue("with", out var with) ? (YamlMappingNode)with : new YamlMappingNode())
            .Where(with => with.Children.ContainsKey("path")).Select(with => with["path"].ToString());
        paths.ShouldBe([junit, "a'b: c\n#d\n"]);
        // What cannot be written safely is not written: a job id GitHub would refuse, an expression GitHub would run.
        Should.Throw<InvalidOperationException>(() => GitHubWorkflow.Generate(Hostile(name: "x: y"), ""));
        Should.Throw<InvalidOperationException>(() =>
            GitHubWorkflow.Generate(Hostile(runner: "${{ github.token }}"), ""));
    }

    [RequiresToolFact("groovy", "apt-get install groovy (.ci/run does)")]
    public void The_jenkinsfile_runs_ci_task_calls_only_for_the_kinds_of_change_it_is_told()
    {
        var jenkinsfile = Path.Combine(RepoRoot, "ci", "Jenkinsfile");
        var steps = JenkinsStub.Run(jenkinsfile);
        var all = steps.Commands();
        all[0].ShouldBe("./build.sh CiTask --changes --verbosity quiet");
        all.ShouldContain("./build.sh CiTask --name unittest");
        all.Skip(1).ShouldAllBe(c => c.StartsWith("./build.sh CiTask --name "));
        all.Count.ShouldBe(12, string.Join("\n", all)); // --changes, 4 builds, 3 tests, 4 images
        steps.Where(s => s[0] == "stage").Select(s => s[1])
            .ShouldBe(["Prepare", "Build", "Test", "Build", "Test", "Build", "Build", "Docker Image Build"]);
        steps.Where(s => s[0] == "branch").Select(s => s[1]).Take(5)
            .ShouldBe(["cpu", "BUILD: CPU", "unittest: CPU", "gpu", "BUILD: GPU"], "TVM's pipelines, side by side");
        // TVM's init_git in every workspace: the checkout merged with the target branch, with its submodules.
        steps.Count(s => s[0] == "checkout").ShouldBe(12);
        steps.Where(s => s[0] == "sh" && s[1].StartsWith("git ")).Select(s => s[1]).Distinct().ShouldBe([
            "git fetch origin \"$CHANGE_TARGET\"",
            "git -c user.name=TVM-Jenkins -c user.email=jenkins@tvm.apache.org merge FETCH_HEAD",
            "git -c submodule.fetchJobs=0 submodule update --init --recursive -f"]);
        steps.ShouldContain(s => s[0] == "branch" && s[1] == "unittest: CPU");
        steps.ShouldContain(s => s[0] == "node" && s[1] == "ARM-GRAVITON3");
        steps.ShouldContain(s => s[0] == "unstash" && s[1] == "build-cpu");

        var docs = JenkinsStub.Run(jenkinsfile, "docs");
        docs.Commands().ShouldBe(["./build.sh CiTask --changes --verbosity quiet",
            "./build.sh CiTask --name build-gpu", "./build.sh CiTask --name docs"]);
        docs.ShouldContain(s => s[0] == "echo" && s[1] == "Skipped: no code change");
        JenkinsStub.Run(jenkinsfile, "docs docker").Commands().Skip(1).ShouldBe(["./build.sh CiTask --name build-gpu",
            "./build.sh CiTask --name docs", "./build.sh CiTask --name image-ci-arm",
            "./build.sh CiTask --name image-ci-cpu", "./build.sh CiTask --name image-ci-gpu",
            "./build.sh CiTask --name image-ci-wasm"], "docs only with an image change: no code task, as in TVM");
        JenkinsStub.Run(jenkinsfile, "none").Commands().ShouldBe(["./build.sh CiTask --changes --verbosity quiet"],
            "CI skipped: no task runs");
    }

    [Fact]
    public void The_workflow_runs_its_steps_with_bash_errexit_and_pipefail()
    {
        var workflow = Workflow.Load(Path.Combine(RepoRoot, "ci", "workflows", "ci.yml"));
        workflow.DefaultShell.ShouldBe("bash", "GitHub runs `shell: bash` as bash --noprofile --norc -eo pipefail {0}");
        // A login shell where TVM's setup action activated conda, still -eo pipefail; on Windows cmd with one command,
        // whose exit code is the step's.
        foreach (var step in workflow.Steps)
            if (step.Shell != "bash" && step.Shell != "bash -leo pipefail {0}")
            {
                step.Shell.ShouldBe("cmd /C call {0}", step.Run);
                step.Run.ShouldMatch(@"^build\.cmd CiTask( [A-Za-z0-9_./-]+)+$");
            }
        workflow.Steps.Select(s => s.Shell).Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public void Every_workflow_step_fails_when_the_build_project_does_not_compile()
    {
        var clone = TempDirectory("tvm-build-broken-");
        try { EveryStepFailsIn(clone); }
        finally { Directory.Delete(clone, recursive: true); }
    }

    private static void EveryStepFailsIn(string clone)
    {
        Git(RepoRoot, "clone", "--quiet", RepoRoot, clone);
        File.AppendAllText(Path.Combine(clone, "build", "Build.cs"), "\nthis is not C# // broken on purpose\n");
        var workflow = Workflow.Load(Path.Combine(RepoRoot, "ci", "workflows", "ci.yml"));
        workflow.Steps.Count.ShouldBeGreaterThanOrEqualTo(3);

        foreach (var step in workflow.Steps)
        {
            var scratch = TempDirectory();
            var script = Path.Combine(scratch, "step.sh");
            File.WriteAllText(script, Workflow.Substitute(step.Run));
            var githubOutput = Path.Combine(scratch, "github-output");
            var environment = new Dictionary<string, string?>(workflow.Environment.Concat(step.Environment))
            {
                ["GITHUB_OUTPUT"] = githubOutput, ["GITHUB_ACTIONS"] = "true", ["CI"] = "true",
            };
            var (code, output) = step.Shell switch
            {
                // What GitHub runs for `shell: bash` and for `bash -leo pipefail {0}`.
                "bash" => Processes.Run("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], clone,
                    environment),
                "bash -leo pipefail {0}" => Processes.Run("bash", ["-leo", "pipefail", script], clone, environment),
                // cmd runs build.cmd, which runs build.ps1 in PowerShell: the same script here, with PowerShell
                // for .NET.
                _ => Processes.Run(Path.Combine(RepoRoot, ".tools", "pwsh"),
                    ["-NoProfile", "-File", Path.Combine(clone, "build.ps1"), .. step.Run.Split(' ').Skip(1)], clone,
                    environment),
            };

            var context = $"job {step.Job}, step:\n{step.Run}\n{output}";
            code.ShouldNotBe(0, context);
            output.ShouldContain("error: the build project failed to compile", Case.Sensitive, context);
            File.Exists(githubOutput).ShouldBeFalse("a failed step sets no outputs");
        }
    }

    [Fact]
    public void No_jenkinsfile_step_hides_a_failure()
    {
        var jenkinsfile = File.ReadAllText(Path.Combine(RepoRoot, "ci", "Jenkinsfile"));
        var calls = Regex.Matches(jenkinsfile, @"(?<![\w./-])sh\b(?!\.)").Count; // sh, not build.sh
        const string literal = @"'((?:[^'\\]|\\.)*)'";
        // runTask's one step runs the command each branch gives it as a literal, after the fetches it gives (with a
        // shared result cache; literals too); the Prepare stage's asks for stdout; the checkout runs three git
        // commands.
        Regex.Matches(jenkinsfile, @"(?<![\w./-])sh\(script: task\.command\)").Count.ShouldBe(1);
        Regex.Matches(jenkinsfile, @"(?<![\w./-])sh\(script: fetch\)").Count.ShouldBe(1);
        var git = Regex.Matches(jenkinsfile, $@"(?<![\w./-])sh\(script: {literal}\)").Select(m => m.Groups[1].Value);
        git.ShouldAllBe(s => Regex.IsMatch(s, @"^git( [A-Za-z0-9_.=@/""$-]+)+$"));
        var step = $@"(?<![\w./-])sh\(returnStdout: true, script: {literal}\)|\bcommand: {literal}";
        var steps = Regex.Matches(jenkinsfile, step)
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToList();
        // Both forms fail the build on a non-zero exit (returnStatus: true would not).
        calls.ShouldBe(6, "every sh step is `sh(script: task.command)`, `sh(script: fetch)`, " +
            "`sh(returnStdout: true, script: '...')` or one git command");
        git.Count().ShouldBe(3);
        steps.Count.ShouldBeGreaterThan(5);
        // One plain command each: nothing that could swallow its status (`|| true`, `; echo`, `set +e`, a pipe, `&`).
        steps.ShouldAllBe(s => Regex.IsMatch(s, @"^\./build\.sh CiTask( [A-Za-z0-9_./-]+)+$"));
        string[] hiders = ["returnStatus", "catchError", "warnError", "propagate", "catch (", "unstable(", "set +e",
            "|| true", "; true", "; echo"];
        foreach (var hider in hiders) jenkinsfile.ShouldNotContain(hider);
    }

    /// <summary>A catalog of one task made directly, with values the loader would refuse.</summary>
    private static CiCatalog Hostile(string name = "build-cpu", string agent = "CPU", string image = "ci_cpu",
        string junit = "*.xml", string runner = "ubuntu-22.04", string[]? produces = null) =>
        new(AbsolutePath.Create("/nowhere/ci/catalog.yaml"), [new CiTaskSpec(name, 1, image, agent, null,
            [CiCatalog.Jenkins, CiCatalog.GitHub], "Build", null, new Dictionary<string, string>(),
            [new CiStep(["Compile"], [], new Dictionary<string, string>(), [], [])], [], produces ?? [], [], 1, 10,
            ["code"])],
            junit, runner, []);

    private static void Git(string directory, params string[] args)
    {
        var (code, output) = Processes.Run("git", args, directory);
        code.ShouldBe(0, output);
    }
}
