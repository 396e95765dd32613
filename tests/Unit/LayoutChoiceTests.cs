using Shouldly;
using TvmBuild.Engine;
using TvmBuild.Tvm;
using Xunit;

namespace TvmBuild.Tests.Unit;

/// <summary>A tree is of the one layout whose markers it has and whose absent paths it lacks.</summary>
public class LayoutChoiceTests
{
    private static List<Layout> Two(params string[] secondAbsent) =>
    [
        new() { Name = "new", Markers = ["ffi"], Absent = ["Makefile"] },
        new() { Name = "old", Markers = ["relay", "version.py"], Absent = [.. secondAbsent] },
    ];

    private static Func<string, bool> Has(params string[] paths) => paths.Contains;

    [Fact]
    public void The_layout_whose_features_the_tree_has_is_chosen_and_says_why()
    {
        var layout = LayoutChoice.Choose(Two("ffi"), Has("relay", "version.py", "Makefile"), "/t");
        layout.Name.ShouldBe("old");
        layout.Why.ShouldBe("relay + version.py, no ffi");
    }

    [Fact]
    public void A_tree_that_matches_two_layouts_is_an_error_of_the_data()
    {
        var failure = Should.Throw<BuildFailure>(() =>
            LayoutChoice.Choose(Two(), Has("ffi", "relay", "version.py"), "/t"));
        failure.Message.ShouldBe("/t matches 2 layouts: new (ffi, no Makefile) and old (relay + version.py).");
        failure.Hint.ShouldBe("Tell them apart in build/layouts.yaml: give one a marker, or an absent path, " +
                              "that the other lacks.");
    }

    [Fact]
    public void A_tree_that_matches_none_names_what_it_lacks_for_the_nearest_layout()
    {
        var failure = Should.Throw<BuildFailure>(() => LayoutChoice.Choose(Two("ffi"), Has("relay", "Makefile"), "/t"));
        failure.Message.ShouldBe("/t looks like TVM but matches no known layout: it lacks version.py for old.");
        failure.Hint.ShouldBe("Looked for: new = ffi, no Makefile; old = relay + version.py, no ffi.");
        Should.Throw<BuildFailure>(() => LayoutChoice.Choose(Two("ffi"), Has("ffi", "Makefile"), "/t"))
            .Message.ShouldEndWith("it has Makefile for new.");
    }
}
