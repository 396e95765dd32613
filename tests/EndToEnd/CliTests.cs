using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.InProcessBuild;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>What a user types and sees, run in-process (<see cref="InProcessBuild"/>); what needs ./build.sh as a
/// process is in <see cref="CliProcessTests"/>.</summary>
[Collection(nameof(InProcessCollection))]
public class CliTests
{
    [Fact]
    public void Help_lists_targets_and_parameters()
    {
        var result = Run("--help");
        result.ExitCode.ShouldBe(0);
        Snapshot.Match("help.txt", result.Output);
    }

    [Fact]
    public void Target_help_shows_the_target_and_only_the_parameters_it_reads()
    {
        var lint = Run("Lint", "--help");
        lint.ExitCode.ShouldBe(0);
        Snapshot.Match("help-lint.txt", lint.Output);
        lint.Output.ShouldContain("  --linters <value>...");
        lint.Output.ShouldNotContain("--port");
        lint.Output.ShouldNotContain("--preset");
        lint.Output.ShouldNotContain("  Compile");

        var unitTest = Run("UnitTest", "--help");
        unitTest.Output.ShouldContain("Runs, in order: Configure, Compile, UnitTest");
        unitTest.Output.ShouldContain("\nConfigure:\n  --build-type <value>");
        unitTest.Output.ShouldContain("\nUnitTest:\n  --base <value>");
        unitTest.Output.ShouldContain("\n  --changed-only ");
        unitTest.Output.ShouldNotContain("--linters");
    }

    [Fact]
    public void Help_groups_parameters_by_the_targets_that_read_them()
    {
        var help = Run("--help").Output;
        help.ShouldContain("\nDocs:\n  --full ");
        help.ShouldContain("\nLint, UnitTest:\n  --base <value>");
        help.ShouldContain("\nBuilt in (every target):\n  --continue ");
        help.ShouldNotContain("--complete"); // the completion scripts' own question
    }

    [Fact]
    public void Unknown_target_fails_with_a_suggestion_and_no_stack_trace()
    {
        var result = Run("Compil");
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain("error: Unknown target 'Compil'.");
        result.Output
            .ShouldContain("hint: Did you mean 'Compile'? Valid: Adopt, Bisect, BuildImage, Checkout, CiTask, Clean, " +
                "ClearStaleImages, Compile, CompileCppTest, Configure,");
        result.Output.ShouldNotContain("   at ");
    }

    [Fact]
    public void Unknown_parameter_fails_with_a_suggestion()
    {
        var result = Run("Compile", "--tvm-hom", "x");
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain("error: Unknown parameter '--tvm-hom'.");
        result.Output.ShouldContain("hint: Did you mean '--tvm-home'?");
    }

    [Fact]
    public void Bad_enum_value_lists_the_allowed_values()
    {
        var result = Run("Compile", "--compiler-cache", "distcc");
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain("error: Invalid value 'distcc' for --compiler-cache (from the command line): " +
                                    "expected one of auto, none, ccache, sccache (CompilerCache).");
        result.Output.ShouldContain("hint: Allowed values: auto, none, ccache, sccache.");
    }

    [Fact]
    public void Bad_int_value_names_the_parameter()
    {
        var result = Run("Compile", "--parallel", "lots");
        result.ExitCode.ShouldBe(255);
        result.Output
            .ShouldContain("error: Invalid value 'lots' for --parallel (from the command line): expected a whole " +
                "number >= 1 (int).");
    }

    [Fact]
    public void Missing_required_parameter_names_it_and_its_environment_variable_before_anything_runs()
    {
        var result = Run("Checkout");
        result.ExitCode.ShouldBe(255);
        result.Output
            .ShouldContain("error: Missing parameter --tvm-home. Set it with --tvm-home <value> or the environment " +
                "variable TVM_HOME. (needed by Checkout)");
        result.Output.ShouldNotContain("Checkout  ");
    }

    [Fact]
    public void Parameters_come_from_the_environment()
    {
        var result = Run(["Configure", "--dry-run"],
            new()
            {
                ["TVM_HOME"] = Fixture, ["TVM_BUILD_PRESET"] = "wasm",
                ["NUKE_BUILD_DIR"] = "/tmp/tvm-build-env-test"
            });
        result.ExitCode.ShouldBe(0);
        result.Output.ShouldContain("# would write /tmp/tvm-build-env-test/config.cmake (preset wasm");
    }

    [Fact]
    public void Dry_run_prints_every_command_shell_quoted_and_writes_nothing()
    {
        var build = Path.Combine(TempDirectory(), "build dir");
        var result = Run("Compile", "--tvm-home", Fixture, "--build-dir", build, "--dry-run", "--compiler-cache",
            "none", "--parallel", "3");
        result.ExitCode.ShouldBe(0);
        result.Output.ShouldContain($"# would write {build}/config.cmake (preset cpu,");
        result.Output
            .ShouldContain($"/usr/bin/cmake -S {Fixture} -B '{build}' -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo");
        result.Output.ShouldContain($"/usr/bin/cmake --build '{build}' --parallel 3");
        Directory.Exists(build).ShouldBeFalse();
    }

    [Fact]
    public void Plan_prints_the_order_and_mermaid_graph()
    {
        Run("UnitTest", "--plan").Output
            .ShouldBe("  1. Configure\n  2. Compile  after Configure\n  3. UnitTest (invoked)  after Compile\n");
        var mermaid = Run("UnitTest", "--plan", "mermaid");
        mermaid.Output.ShouldContain("graph TD");
        mermaid.Output.ShouldContain("  Compile --> UnitTest");
    }

    [Fact]
    public void Malformed_parameters_json_names_the_file_and_line()
    {
        var root = TempDirectory();
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        File.WriteAllText(Path.Combine(root, ".nuke", "parameters.json"),
            "{\n  \"Preset\": \"cpu\"\n  \"TvmHome\": \"x\"\n}\n");
        var result = Run("Clean", "--root", root);
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain($"error: {root}/.nuke/parameters.json:3: malformed JSON");
        result.Output.ShouldNotContain("   at ");
    }

    [Fact]
    public void GitHub_Actions_gets_groups_and_error_annotations()
    {
        var result = Run(["Compile", "--tvm-home", "/nonexistent/tvm"], new() { ["GITHUB_ACTIONS"] = "true" });
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain("::group::Configure");
        result.Output.ShouldContain("::endgroup::");
        result.Output.ShouldContain("::error title=Configure::No TVM tree at /nonexistent/tvm.");
    }

    [Theory]
    [InlineData("JENKINS_HOME", "/var/jenkins_home", "Jenkins")]
    [InlineData("CI", "true", "CI")]
    public void Ci_servers_are_detected_and_get_plain_uncoloured_lines(string variable, string value, string host)
    {
        var result = Run(["Clean", "--tvm-home", Fixture, "--build-dir", Path.Combine(TempDirectory(), "none")],
            new() { [variable] = value });
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain($"tvm-build: Clean on {host}");
        result.Output.ShouldNotContain("\u001b[");
    }

    [Fact]
    public void A_failing_target_shows_in_the_summary_and_later_ones_do_not_run()
    {
        var result = Run("Compile", "--tvm-home", "/nonexistent/tvm");
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldMatch(@"Configure\s+Failed\s+< 1s   // No TVM tree at /nonexistent/tvm\.");
        result.Output.ShouldMatch(@"Compile\s+NotRun");
        result.Output.ShouldContain("Build failed on ");
    }
}
