using Shouldly;
using TvmBuild.Engine;
using Xunit;
using static TvmBuild.Tests.Engine.EngineHarness;

namespace TvmBuild.Tests.Engine;

/// <summary>Safety in the engine: --continue only for the same request, one name one parameter,
/// unknown keys in parameter files.</summary>
[Collection(nameof(EngineCollection))]
public class SafetyEngineTests : IDisposable
{
    private readonly string _root = NewRoot();

    public void Dispose() => Environment.SetEnvironmentVariable("TVM_BUILD_FAIL_AT", null);

    [Fact]
    public void Continue_skips_what_succeeded_only_when_the_request_is_the_same()
    {
        RunIn<FailureBuild>(_root, "C", "--fail-at", "B").Ran.ShouldBe(["A", "B"]);
        var same = RunIn<FailureBuild>(_root, "C", "--fail-at", "B", "--continue");
        same.Ran.ShouldBe(["B"]);

        Environment.SetEnvironmentVariable("TVM_BUILD_FAIL_AT", "C");
        var changed = RunIn<FailureBuild>(_root, "C", "--continue");
        changed.Output.ShouldContain(
            "--continue: this run differs from the failed one (--fail-at: B -> C); running every target");
        changed.Ran.ShouldBe(["A", "B", "C"]);
    }

    [Fact]
    public void Two_parameters_with_one_name_are_a_bug_reported_at_once() =>
        Should.Throw<InvalidOperationException>(() => RunIn<ClashBuild>(_root, "Show"))
            .Message.ShouldContain("share the command-line name 'name'");

    [Fact]
    public void Two_targets_with_one_name_are_a_bug_reported_at_once() =>
        Should.Throw<InvalidOperationException>(() => RunIn<TargetClashBuild>(_root, "Greet"))
            .Message.ShouldBe("Targets IGreetsInEnglish.Greet and IGreetsInFrench.Greet share the name 'Greet'");

    [Fact]
    public void The_tvm_build_has_one_parameter_per_name()
    {
        var parameters = ParameterCatalog.Of(typeof(Build));
        parameters.Select(p => p.CliName).ShouldBeUnique();
        parameters.SelectMany(p => p.EnvironmentNames).ShouldBeUnique();
        parameters.SelectMany(p => p.EnvironmentNames)
            .ShouldAllBe(n => n.StartsWith("TVM_BUILD_") || n.StartsWith("NUKE_") || n == "TVM_HOME");
    }

    [Fact]
    public void Unknown_keys_in_parameter_files_are_errors_with_file_line_and_the_closest_name()
    {
        File.WriteAllText(Path.Combine(_root, ".nuke", "parameters.json"),
            "{\n  \"$schema\": \"./build.schema.json\",\n  \"FailAt\": \"B\",\n  \"FialAt\": \"C\"\n}\n");
        var result = RunIn<FailureBuild>(_root, "A");
        result.ExitCode.ShouldBe(-1);
        result.Output.ShouldContain($"error: {_root}/.nuke/parameters.json:4: unknown parameter 'FialAt'.");
        result.Output.ShouldContain("hint: Did you mean 'FailAt'?");
        result.Ran.ShouldBeEmpty();
    }

    [Fact]
    public void A_command_line_list_replacing_a_files_list_is_said()
    {
        File.WriteAllText(Path.Combine(_root, ".nuke", "parameters.json"), "{ \"Words\": [\"a\", \"b\"] }");
        var result = RunIn<ParameterBuild>(_root, "Show", "--words", "c");
        result.Ran.Last().ShouldContain("Words=c ");
        result.Output.ShouldContain($"--words on the command line replaces the list in {_root}/.nuke/parameters.json.");
    }
}
