using Shouldly;
using Xunit;
using static TvmBuild.Tests.Engine.EngineHarness;

namespace TvmBuild.Tests.Engine;

[Collection(nameof(EngineCollection))]
public class ParameterTests : IDisposable
{
    private readonly string _root = NewRoot();

    public void Dispose()
    {
        foreach (var name in new[] { "NAME", "COUNT", "TVM_BUILD_NAME", "TVM_BUILD_COUNT", "NUKE_GREETING" })
            Environment.SetEnvironmentVariable(name, null);
    }

    private void WriteFile(string name, string text) => File.WriteAllText(Path.Combine(_root, ".nuke", name), text);

    private string Show(params string[] args) => RunIn<ParameterBuild>(_root, ["Show", .. args]).Ran.Last();

    [Fact]
    public void Defaults_apply_when_nothing_is_given() =>
        Show().ShouldBe("Name= Count=1 Loud=False Flavour=Plain Words= Where=");

    [Fact]
    public void Values_convert_to_their_types()
    {
        var cwd = Directory.GetCurrentDirectory();
        Show("--name", "a b", "--count", "3", "--loud", "--flavour", "SPICY", "--words", "x", "y", "--where", "sub/dir")
            .ShouldBe($"Name=a b Count=3 Loud=True Flavour=Spicy Words=x,y Where={cwd}/sub/dir");
    }

    [Fact]
    public void Command_line_beats_environment_beats_profile_beats_parameters_json()
    {
        WriteFile("parameters.json", """
            { "$schema": "./build.schema.json", "Name": "file", "Count": 7, "Loud": true, "Words": ["f1", "f2"] }
            """);
        WriteFile("parameters.ci.json", """{ "Name": "profile", "Count": 8 }""");
        Show().ShouldStartWith("Name=file Count=7 Loud=True");
        Show("--profile", "ci").ShouldStartWith("Name=profile Count=8 Loud=True Flavour=Plain Words=f1,f2");
        Environment.SetEnvironmentVariable("TVM_BUILD_NAME", "env");
        Show("--profile", "ci").ShouldStartWith("Name=env Count=8");
        Show("--profile", "ci", "--name", "cli").ShouldStartWith("Name=cli Count=8");
    }

    [Fact]
    public void Interface_parameters_resolve_too_and_accept_the_nuke_prefix()
    {
        RunIn<ParameterBuild>(_root, "Show").Ran.ShouldContain("Greet:hello");
        Environment.SetEnvironmentVariable("NUKE_GREETING", "hi");
        RunIn<ParameterBuild>(_root, "Show").Ran.ShouldContain("Greet:hi");
        RunIn<ParameterBuild>(_root, "Show", "--greeting", "hey").Ran
            .ShouldBe(["Greet:hey", "Name= Count=1 Loud=False Flavour=Plain Words= Where="]);
    }

    [Theory]
    [InlineData(new[] { "--count", "many" },
        "error: Invalid value 'many' for --count (from the command line): expected a whole number (int).")]
    [InlineData(new[] { "--flavour", "sour" }, "hint: Allowed values: plain, spicy.")]
    [InlineData(new[] { "--count", "1", "2" },
        "error: Parameter --count takes one value, got 2 from the command line.")]
    [InlineData(new[] { "--nmae", "x" }, "hint: Did you mean '--name'? Run './build.sh --help' for the parameters.")]
    [InlineData(new[] { "--verbosity", "loud" }, "hint: Allowed values: quiet, minimal, normal, verbose.")]
    [InlineData(new[] { "--profile", "nope" }, "error: Profile file")]
    public void Bad_values_fail_before_anything_runs(string[] args, string expected)
    {
        var result = RunIn<ParameterBuild>(_root, ["Show", .. args]);
        result.ExitCode.ShouldBe(-1);
        result.Output.ShouldContain(expected);
        result.Ran.ShouldBeEmpty();
    }

    [Fact]
    public void A_bad_environment_value_names_the_variable()
    {
        Environment.SetEnvironmentVariable("TVM_BUILD_COUNT", "lots");
        RunIn<ParameterBuild>(_root, "Show").Output
            .ShouldContain("error: Invalid value 'lots' for --count (from environment variable TVM_BUILD_COUNT): " +
                "expected a whole number (int).");
    }

    [Fact]
    public void Malformed_parameters_json_names_the_file_and_line()
    {
        WriteFile("parameters.json", "{\n  \"Name\": \"x\",\n  \"Count\": ,\n}\n");
        var result = RunIn<ParameterBuild>(_root, "Show");
        result.ExitCode.ShouldBe(-1);
        result.Output.ShouldContain($"error: {_root}/.nuke/parameters.json:3: malformed JSON");
    }

    [Fact]
    public void A_missing_required_parameter_names_it_and_its_environment_variable()
    {
        var result = RunIn<ParameterBuild>(_root, "NeedsName");
        result.ExitCode.ShouldBe(-1);
        result.Output
            .ShouldContain("error: Missing parameter --name. Set it with --name <value> or the environment variable " +
                "TVM_BUILD_NAME. (needed by NeedsName)");
        result.Ran.ShouldBeEmpty();
        RunIn<ParameterBuild>(_root, "NeedsName", "--name", "x").Ran.ShouldBe(["NeedsName"]);
    }

    [Fact]
    public void Help_shows_type_default_and_environment_variable()
    {
        var output = RunIn<ParameterBuild>(_root, "--help").Output;
        output.ShouldContain(
            "  --count <int>               A count.\n                              [default: 1; env: TVM_BUILD_COUNT]"
                .Replace("\n", Environment.NewLine));
        output.ShouldContain("  --flavour <plain|spicy>     A flavour.");
        output.ShouldContain((
            "  --greeting <value>          Greeting word.\n" +
            "                              [default: hello; env: TVM_BUILD_GREETING]")
            .Replace("\n", Environment.NewLine));
        output.ShouldContain("  --words <value>...          Some words.");
    }
}
