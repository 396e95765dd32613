using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.InProcessBuild;

namespace TvmBuild.Tests.Safety;

/// <summary>No surprise from the environment, no silent drop, nothing run that the user did not
/// write.</summary>
[Collection(nameof(InProcessCollection))]
public class ParameterSafetyTests
{
    private static readonly Dictionary<string, string?> Generic = new()
    {
        ["VERBOSE"] = "1", ["ALL"] = "1", ["CHECK"] = "yes", ["PRESET"] = "gpu", ["BUILD_DIR"] = "/", ["YES"] = "1",
        ["FIX"] = "1", ["NAME"] = "x", ["DOCKER"] = "ci_cpu", ["PORT"] = "x", ["PARALLEL"] = "0",
    };

    [Fact]
    public void Generic_environment_names_are_never_parameters()
    {
        Run(["--help"], Generic).ExitCode.ShouldBe(0);
        var tree = Trees.CopyFixture();
        foreach (var preset in new[] { "cpu", "wasm" })
            Run("Configure", "--config-only", "--tvm-home", tree, "--preset", preset).ExitCode.ShouldBe(0);
        var clean = Run(["Clean", "--tvm-home", tree], Generic);
        clean.ExitCode.ShouldBe(0, clean.ToString());
        Directory.Exists(Path.Combine(tree, "build-cpu")).ShouldBeFalse();
        Directory.Exists(Path.Combine(tree, "build-wasm")).ShouldBeTrue("ALL=1 is not --all");
        var configure = Run(["Configure", "--config-only", "--dry-run", "--tvm-home", tree], Generic);
        configure.Output.ShouldContain($"# would write {tree}/build-cpu/config.cmake (preset cpu");
    }

    [Fact]
    public void A_bad_environment_value_fails_only_a_run_that_reads_it_and_names_the_variable_and_type()
    {
        var environment = new Dictionary<string, string?> { ["TVM_BUILD_PORT"] = "eighty", ["TVM_HOME"] = Fixture };
        Run(["Configure", "--config-only", "--dry-run"], environment).ExitCode.ShouldBe(0);
        var docs = Run(["Docs", "--dry-run"], environment);
        docs.ExitCode.ShouldBe(255);
        docs.Output.ShouldContain(
            "error: Invalid value 'eighty' for --port (from environment variable TVM_BUILD_PORT): " +
            "expected a whole number from 1 to 65535 (int).");
        docs.Output.ShouldNotContain("── Configure ──", customMessage: "refused before anything runs");
    }

    [Theory]
    [InlineData(new[] { "--fix=maybe" }, "expected true or false (bool).")]
    [InlineData(new[] { "--compiler-cache", "distcc" }, "expected one of auto, none, ccache, sccache (CompilerCache).")]
    [InlineData(new[] { "--parallel", "many" }, "expected a whole number >= 1 (int).")]
    public void Every_conversion_error_names_the_type(string[] args, string expected)
    {
        var result = Run(["Compile", "--tvm-home", Fixture, .. args]);
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain(expected);
    }

    [Fact]
    public void CiTask_keeps_name_and_DevShell_names_its_container_with_container_name()
    {
        var help = Run("--help").Output;
        help.ShouldContain("  --name <value>");
        help.ShouldContain("CiTask: the task of ci/catalog.yaml to run, by its name or TVM's stage name");
        help.ShouldContain("  --container-name <value>");
        var schema = File.ReadAllText(Path.Combine(RepoRoot, ".nuke", "build.schema.json"));
        schema.ShouldContain("\"Name\": {");
        schema.ShouldContain("\"ContainerName\": {");
        var docker = new FakeDocker();
        Run(["DevShell", "--tvm-home", Fixture, "--docker", "ci_cpu", "--container-name", "box", "--", "true"],
            docker.Environment())
            .ExitCode.ShouldBe(0);
        docker.Runs.Single().ShouldContain("--hostname");
        docker.Runs.Single()[docker.Runs.Single().IndexOf("--name") + 1].ShouldBe("box");
    }

    [Fact]
    public void Repeated_options_accumulate()
    {
        var tree = Trees.CopyFixture();
        Run("Configure", "--config-only", "--tvm-home", tree, "--cmake-option", "A_ONE=1", "--cmake-option", "B_TWO=2")
            .ExitCode.ShouldBe(0);
        var config = File.ReadAllText(Path.Combine(tree, "build-cpu", "config.cmake"));
        config.ShouldEndWith("set(A_ONE 1)\nset(B_TWO 2)\n");
        Run("Configure", "--config-only", "--tvm-home", tree,
            "--cmake-option", "A_ONE=1", "B_TWO=2", "--cmake-option", "C=3").ExitCode.ShouldBe(0);
        File.ReadAllText(Path.Combine(tree, "build-cpu", "config.cmake"))
            .ShouldEndWith("set(A_ONE 1)\nset(B_TWO 2)\nset(C 3)\n");
    }

    [Theory]
    [InlineData(new[] { "CiTask", "--name", "" }, "error: Invalid value '' for --name (from the command line)")]
    [InlineData(new[] { "DevShell", "--docker", "ci_cpu", "--shell", "" }, "error: Invalid value '' for --shell")]
    [InlineData(new[] { "DevShell", "--docker", "ci_cpu", "--repo-mount-point", "" },
        "error: Invalid value '' for --repo-mount-point")]
    [InlineData(new[] { "DevShell", "--docker", "ci_cpu", "--mount" },
        "error: --mount needs a value (from the command line).")]
    [InlineData(new[] { "DevShell", "--docker" }, "error: Missing parameter --docker.")]
    [InlineData(new[] { "Docs", "--port", "-1" },
        "error: Invalid value '-1' for --port (from the command line): expected a whole number from 1 to 65535 (int).")]
    [InlineData(new[] { "Docs", "--port", "99999" }, "error: Invalid value '99999' for --port")]
    [InlineData(new[] { "Compile", "--parallel", "0" },
        "error: Invalid value '0' for --parallel (from the command line): expected a whole number >= 1 (int).")]
    public void Empty_missing_and_out_of_range_values_are_refused_before_any_work(string[] args, string expected)
    {
        var docker = new FakeDocker();
        var result = Run([.. args, "--tvm-home", Fixture], docker.Environment());
        result.ExitCode.ShouldBe(255, result.ToString());
        result.Output.ShouldContain(expected);
        result.Output.ShouldNotContain("── ");
        docker.Calls.ShouldBeEmpty();
    }

    [Fact]
    public void An_option_no_planned_target_reads_is_named_with_the_targets_that_do()
    {
        var lint = Run("CppDocs", "--tvm-home", Fixture, "--port", "8001", "--dry-run");
        lint.Output.ShouldContain("[WRN] --port has no effect here: only Docs reads it.");
        var skipped = Run("UnitTest", "--skip", "--tvm-home", Fixture, "--cmake-option", "X=1", "--dry-run");
        skipped.Output.ShouldContain("[WRN] --cmake-option has no effect: Configure, which reads it, is skipped.");
        var host = Run("Configure", "--config-only", "--dry-run", "--tvm-home", Fixture, "--env", "A=1");
        host.Output.ShouldContain("[WRN] --env apply to containers; without --docker they have no effect");
    }

    [Fact]
    public void Container_options_apply_to_every_container_of_docker_mode()
    {
        var docker = new FakeDocker();
        var result = Run(["Compile", "--tvm-home", Fixture, "--docker", "ci_cpu", "--env", "FOO=bar", "--dry-run"],
            docker.Environment());
        result.ExitCode.ShouldBe(0, result.ToString());
        var runs = result.Output.Split('\n').Where(l => l.StartsWith("docker run ")).ToList();
        runs.Count.ShouldBe(2); // cmake configure, cmake --build
        runs.ShouldAllBe(l => l.Contains(" --env FOO=bar "));
    }

    [Fact]
    public void Python_must_name_an_executable_file_and_is_never_read_by_a_shell()
    {
        var scratch = TempDirectory();
        var marker = Path.Combine(scratch, "pwned");
        foreach (var python in new[] { $"touch {marker}; /usr/bin/python3", "/nonexistent/python3", scratch })
        {
            var result = Run("Lint", "--tvm-home", Trees.CopyFixture(), "--all", "--python", python);
            result.ExitCode.ShouldBe(255, result.ToString());
            result.Output.ShouldContain($"--python '{python}' is not an executable file.");
        }
        File.Exists(marker).ShouldBeFalse();
    }
}
