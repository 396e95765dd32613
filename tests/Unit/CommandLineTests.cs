using Shouldly;
using TvmBuild.Engine;
using Xunit;

namespace TvmBuild.Tests.Unit;

/// <summary>The command line: targets, options, values, negative numbers, repeats, and shell quoting.</summary>
public class CommandLineTests
{
    [Fact]
    public void Targets_come_first_and_values_run_to_the_next_option()
    {
        var parsed = ParsedArguments.Parse([
            "Configure+Compile", "UnitTest", "--tvm-home", "/t", "--cmake-option", "A=1", "B=2",
            "--port", "-1", "--fix", "--", "-x", "--lf"]);
        parsed.Targets.ShouldBe(["Configure", "Compile", "UnitTest"]);
        parsed.Parameters["tvmhome"].Occurrences.ShouldBe([["/t"]]);
        parsed.Parameters["cmakeoption"].Occurrences.ShouldBe([["A=1", "B=2"]]);
        parsed.Parameters["port"].Occurrences.ShouldBe([["-1"]]);
        parsed.Parameters["fix"].Occurrences.ShouldBe([[]]);
        parsed.Remaining.ShouldBe(["-x", "--lf"]);
    }

    [Fact]
    public void A_repeated_option_keeps_every_occurrence_and_equals_gives_one_value()
    {
        var parsed = ParsedArguments.Parse(["--cmake-option", "A=1", "--cmake-option=B=2", "--CMAKE_OPTION", "C=3"]);
        parsed.Parameters["cmakeoption"].Occurrences.ShouldBe([["A=1"], ["B=2"], ["C=3"]]);
    }

    [Fact]
    public void A_single_dash_word_after_an_option_that_takes_a_value_is_its_value()
    {
        // CppTest --test-filter -Suite.*: a negative gtest filter, not an option "--Suite.*".
        var parsed = ParsedArguments.Parse(["CppTest", "--test-filter", "-Suite.*", "--fix", "--tests", "-x"],
            new HashSet<string> { "testfilter" });
        parsed.Parameters["testfilter"].Occurrences.ShouldBe([["-Suite.*"]]);
        parsed.Parameters.Keys.ShouldBe(["testfilter", "fix", "tests", "x"], ignoreOrder: true); // --tests is a switch
        ParsedArguments.Parse(["--test-filter", "--fix"], new HashSet<string> { "testfilter" })
            .Parameters["testfilter"].Occurrences.ShouldBe([[]]); // a double-dash word stays an option
    }

    [Fact]
    public void A_word_after_the_options_is_refused_with_the_hint()
    {
        var failure = Should.Throw<BuildFailure>(() => ParsedArguments.Parse(["--fix", "x", "-"]));
        failure.Message.ShouldBe("Unexpected argument '-'.");
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a b", "'a b'")]
    [InlineData("", "''")]
    [InlineData("it's", "'it'\"'\"'s'")]
    [InlineData("$HOME;rm", "'$HOME;rm'")]
    [InlineData("KEY=v/x:y,z", "KEY=v/x:y,z")]
    public void Quote_makes_one_shell_word(string argument, string quoted) => Command.Quote(argument).ShouldBe(quoted);

    [Fact]
    public void A_command_prints_as_a_user_pastes_it() =>
        new Command("/usr/bin/cmake", ["--build", "build dir"], "/src",
            new Dictionary<string, string?> { ["B"] = "2", ["A"] = null })
            .ToShellString("/elsewhere").ShouldBe("cd /src && env -u A B=2 /usr/bin/cmake --build 'build dir'");

    [Theory]
    [InlineData("TvmHome", "tvm-home")]
    [InlineData("CMakeOption", "cmake-option")]
    [InlineData("NoGpu", "no-gpu")]
    [InlineData("Python3", "python3")]
    public void Member_names_become_cli_names(string member, string cli) =>
        ParameterService.Kebab(member).ShouldBe(cli);
}
