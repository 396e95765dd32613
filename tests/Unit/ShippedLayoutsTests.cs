using System.Text.Json;
using Shouldly;
using TvmBuild.Tvm;
using Xunit;

namespace TvmBuild.Tests.Unit;

/// <summary>The shipped layouts.yaml is read from the JSON kept beside it after the first run: the same
/// layouts.</summary>
public class ShippedLayoutsTests
{
    /// <summary>Every public property, computed ones too (by reflection: what the kept JSON leaves out shows
    /// here).</summary>
    private static string Everything(IReadOnlyList<Layout> layouts) =>
        JsonSerializer.Serialize(layouts, new JsonSerializerOptions { WriteIndented = true });

    [Fact]
    public void The_layouts_kept_as_json_are_the_layouts_of_the_yaml()
    {
        var folder = Layouts.File.Parent;
        foreach (var kept in Directory.GetFiles(folder, "layouts.*.json")) File.Delete(kept);
        var parsed = Everything(Layouts.Load(Layouts.File));

        Everything(Layouts.Shipped()).ShouldBe(parsed);
        var json = Directory.GetFiles(folder, "layouts.*.json").ShouldHaveSingleItem();
        Everything(Layouts.Shipped()).ShouldBe(parsed);

        File.WriteAllText(json, "{ damaged");
        Everything(Layouts.Shipped()).ShouldBe(parsed);
        File.ReadAllText(json).ShouldStartWith("[");
    }
}
