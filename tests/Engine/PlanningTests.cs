using Shouldly;
using Xunit;
using static TvmBuild.Tests.Engine.EngineHarness;

namespace TvmBuild.Tests.Engine;

[Collection(nameof(EngineCollection))]
public class PlanningTests
{
    [Fact]
    public void Dependencies_run_first_in_order() =>
        Run<GraphBuild>("C").Ran.ShouldBe(["P", "A", "B", "C", "T"]);

    [Fact]
    public void Default_target_runs_when_none_is_named()
    {
        var result = RunDefault<GraphBuild>(x => x.C);
        result.ExitCode.ShouldBe(0);
        result.Ran.ShouldBe(["P", "A", "B", "C", "T"]);
    }

    [Fact]
    public void After_and_before_order_only_planned_targets()
    {
        Run<GraphBuild>("D").Ran.ShouldBe(["D"]);
        Run<GraphBuild>("D", "A", "E").Ran.ShouldBe(["E", "P", "A", "D", "T"]);
    }

    [Fact]
    public void Triggers_join_the_plan_after_their_trigger()
    {
        Run<GraphBuild>("A").Ran.ShouldBe(["P", "A", "T"]);
        Run<GraphBuild>("U").Ran.ShouldBe(["U", "D"]);
    }

    [Fact]
    public void Several_targets_on_one_line_and_plus_form_and_names_ignore_case() =>
        Run<GraphBuild>("e+d", "HIDDEN").Ran.ShouldBe(["D", "E", "Hidden"]);

    [Fact]
    public void Collective_target_runs_its_dependencies_and_is_hidden_from_the_summary()
    {
        var result = Run<GraphBuild>("Group");
        result.Ran.ShouldBe(["P", "A", "D", "T"]);
        result.Output.ShouldNotContain("Group ");
    }

    [Fact]
    public void Cycle_fails_naming_its_path_and_runs_nothing()
    {
        var result = Run<CycleBuild>("A");
        result.ExitCode.ShouldBe(-1);
        result.Output.ShouldContain("error: Circular dependency between targets: A -> B -> C -> A.");
        result.Output.ShouldNotContain("   at ");
    }

    [Fact]
    public void Unknown_target_suggests_the_closest_and_lists_valid_ones()
    {
        var result = Run<GraphBuild>("Grup");
        result.ExitCode.ShouldBe(-1);
        result.Output.ShouldContain("error: Unknown target 'Grup'.");
        result.Output
            .ShouldContain("hint: Did you mean 'Group'? Valid: A, B, C, D, Dynamic, E, Group, P, Static, T, U.");
        result.Ran.ShouldBeEmpty();
    }

    [Fact]
    public void Skip_names_targets_and_cascades_to_dependencies_nobody_else_needs()
    {
        var result = Run<GraphBuild>("C", "--skip", "B");
        result.Ran.ShouldBe(["C"]);
        result.Output.ShouldMatch(@"\n  B +Skipped +// --skip");
        result.Output.ShouldContain("// --skip");
        result.Output.ShouldContain("// dependency of skipped B");
    }

    [Fact]
    public void Skip_keeps_a_dependency_another_scheduled_target_needs() =>
        Run<GraphBuild>("C", "Group", "--skip", "B").Ran.ShouldBe(["P", "A", "C", "D", "T"]);

    [Fact]
    public void Bare_skip_runs_only_the_invoked_targets() =>
        Run<GraphBuild>("C", "--skip").Ran.ShouldBe(["C"]);

    [Fact]
    public void Static_condition_skips_the_target_and_its_dependencies_with_the_reason()
    {
        var result = Run<GraphBuild>("Static");
        result.Ran.ShouldBeEmpty();
        result.Output.ShouldMatch(@"\n  Static +Skipped +// False");
        result.Output.ShouldContain("// False");
    }

    [Fact]
    public void Dynamic_condition_is_checked_just_before_the_target()
    {
        Run<GraphBuild>("Dynamic").Ran.ShouldBeEmpty();
        Run<GraphBuild>("C", "D", "Dynamic").Ran.ShouldBe(["P", "A", "B", "C", "D", "Dynamic", "T"]);
    }

    [Fact]
    public void Plan_prints_the_order_and_runs_nothing()
    {
        var result = Run<GraphBuild>("C", "--plan");
        result.ExitCode.ShouldBe(0);
        result.Ran.ShouldBeEmpty();
        result.Output.ShouldBe(
            "  1. P\n  2. A  after P\n  3. B  after A\n  4. C (invoked)  after B\n  5. T  after A\n"
                .Replace("\n", Environment.NewLine));
    }

    [Fact]
    public void Plan_mermaid_prints_a_graph()
    {
        var result = Run<GraphBuild>("B", "--plan", "mermaid");
        result.Output.ShouldStartWith("graph TD");
        result.Output.ShouldContain("  A --> B");
        result.Output.ShouldContain("  A ==>|triggers| T");
    }

    [Fact]
    public void Help_lists_listed_targets_with_dependencies()
    {
        var result = Run<GraphBuild>("--help");
        result.ExitCode.ShouldBe(0);
        result.Output.ShouldContain("  B                          -> A");
        result.Output.ShouldNotContain("Hidden");
        result.Ran.ShouldBeEmpty();
    }
}
