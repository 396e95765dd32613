using Shouldly;
using TvmBuild.Adopt;
using TvmBuild.Tests.Support;
using Xunit;

namespace TvmBuild.Tests.Adopt;

/// <summary>build/adopt.yaml and what the guide says about it agree.</summary>
public class AdoptDataTests
{
    private static readonly AdoptManifest Manifest = AdoptManifest.Load(Path.Combine(BuildScript.RepoRoot, "build",
        "adopt.yaml"));

    [Fact]
    public void The_migration_table_says_what_retire_does_with_each_removed_script()
    {
        var rows = File.ReadAllLines(Path.Combine(BuildScript.RepoRoot, "docs", "migration.md"))
            .Where(l => l.StartsWith("| `")).Select(l => l.Split(" | ")).ToList();
        foreach (var (layout, home) in Manifest.Layouts)
            foreach (var retiree in home.Retire.Remove.Where(r => !r.Path.StartsWith(".github/")))
            {
                var name = retiree.Path.TrimEnd('/');
                bool Names(string[] cells) => cells[0].Contains(name) || cells[0].Contains($"`{Path.GetFileName(name)}")
                                              || cells[3].Contains(name)
                                              || (name == "Makefile" && cells[0].StartsWith("| `make"));
                var row = rows.FirstOrDefault(r => Names(r) && r[1] is var refs
                                                   && (refs == layout || refs == "both"));
                row.ShouldNotBeNull($"migration.md has no {layout} row for {retiree.Path}");
                row[3].ShouldContain("removed", Case.Sensitive, $"{retiree.Path} ({layout})");
            }
    }

    [Fact]
    public void Every_layout_has_a_home_and_forwarders_that_exist()
    {
        var layouts = TvmBuild.Tvm.Layouts.Load(TvmBuild.Engine.AbsolutePath.Create(Path.Combine(BuildScript.RepoRoot,
            "build", "layouts.yaml")));
        Manifest.Layouts.Keys.Order().ShouldBe(layouts.Select(l => l.Name).Order());
        foreach (var home in Manifest.Layouts.Values)
        {
            home.Retire.Forward.Keys.Order().ShouldBe(["docker/bash.sh", "tests/scripts/ci.py"]);
            home.Retire.Forward.Values.ShouldAllBe(f => Manifest.Forwarders.ContainsKey(f));
        }
    }
}
