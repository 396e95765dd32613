using Shouldly;
using TvmBuild.Engine;
using TvmBuild.Tests.Support;
using TvmBuild.Tvm;
using Xunit;

namespace TvmBuild.Tests.Coverage;

/// <summary>build/layouts.yaml's docs.ignored_warnings ≡ the layout's task_python_docs.sh IGNORED_WARNINGS, as
/// recorded in tests/data/tvm-docs-warnings.json (always), and the recording ≡ the tree at TVM_HOME (when set;
/// UPDATE_TVM_CI=1 rewrites that layout's entry: tests/data/record-tvm-ci.sh, with a main or a v0.9.0 tree).</summary>
public class RecordedDocsWarningsTests
{
    public static IReadOnlyList<Layout> Layouts =>
        TvmBuild.Tvm.Layouts.Load(AbsolutePath.Create(Path.Combine(BuildScript.RepoRoot, "build", "layouts.yaml")));

    public static TheoryData<string> LayoutNames => new(Comparisons.Recordings.Layouts);

    [Theory]
    [MemberData(nameof(LayoutNames))]
    public void A_layouts_ignored_warnings_are_its_docs_scripts_in_order(string layout)
    {
        var recorded = TvmDocsWarnings.Recorded().GetValueOrDefault(layout)?.IgnoredWarnings;
        recorded.ShouldNotBeNull($"tests/data/record-tvm-ci.sh records {layout} from a {layout} tree");
        var docs = Layouts.Single(l => l.Name == layout).Docs;
        docs.ShouldNotBeNull();
        docs.Script.ShouldBe(TvmDocsWarnings.Script);
        docs.IgnoredWarnings.ShouldBe(recorded, $"build/layouts.yaml, {layout}: docs.ignored_warnings");
    }

    [RealTvmFact]
    public void The_recording_is_what_the_docs_script_at_tvm_home_ignores()
    {
        var tvm = Environment.GetEnvironmentVariable("TVM_HOME")!;
        var layout = TvmBuild.Tvm.Layouts.Detect(Layouts, AbsolutePath.Create(Path.GetFullPath(tvm))).Name;
        var scanned = TvmDocsWarnings.Read(tvm);
        if (Environment.GetEnvironmentVariable("UPDATE_TVM_CI") == "1") TvmDocsWarnings.Record(layout, scanned);
        (TvmDocsWarnings.Recorded().GetValueOrDefault(layout)?.IgnoredWarnings ?? [])
            .ShouldBe(scanned.IgnoredWarnings, "tests/data/record-tvm-ci.sh re-records it; review the diff");
    }
}
