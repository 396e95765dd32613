using System.Text.Json;
using Shouldly;
using TvmBuild.Ci;
using TvmBuild.Tests.Support;
using Xunit;

namespace TvmBuild.Tests.Unit;

/// <summary>build/Ci/ChangeDetection.cs decides as TVM main's own scripts did in every case of
/// tests/data/tvm-change-decisions.json (tests/data/record-tvm-changes.sh re-records it from a TVM tree), with the
/// globs and skip list the recording read from those scripts.</summary>
public class ChangeDetectionTests
{
    private static readonly JsonElement Recording = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(BuildScript.RepoRoot, "tests", "data", "tvm-change-decisions.json"))).RootElement;

    private static IEnumerable<JsonElement> Recorded => Recording.GetProperty("cases").EnumerateArray();

    public static TheoryData<string> CaseNames => [.. Recorded.Select(c => c.GetProperty("name").GetString()!)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Each_recorded_case_gets_the_decision_of_tvms_scripts(string name)
    {
        var recorded = Recorded.Single(c => c.GetProperty("name").GetString() == name);
        var facts = new ChangeFacts(Text(recorded, "branch"), Text(recorded, "title"),
            Lines(recorded, "against_origin_main"), Lines(recorded, "against_parent"));

        var decision = ChangeDetection.Decide(facts);

        decision.ShouldBe(new ChangeDecision(Flag(recorded, "docs_only"), Flag(recorded, "rebuild_docker"),
            Flag(recorded, "skip_ci")), $"{name}: {facts}");
    }

    [Fact]
    public void The_globs_and_the_docker_skip_list_are_those_of_tvms_scripts_in_order()
    {
        ChangeDetection.SkipCiGlobs.ShouldBe(Strings(Recording.GetProperty("skip_ci_globs")));
        ChangeDetection.DockerSkipList.ShouldBe(Strings(Recording.GetProperty("docker_skip_list")));
    }

    [Theory]
    [InlineData(false, false, false, "code docs")]
    [InlineData(true, false, false, "docs")]
    [InlineData(false, true, false, "code docs docker")]
    [InlineData(true, true, false, "docs docker")]
    [InlineData(false, false, true, "none")]
    [InlineData(true, false, true, "none")]
    public void The_kinds_printed_follow_the_decision(bool docsOnly, bool rebuild, bool skip, string kinds) =>
        new ChangeDecision(docsOnly, rebuild, skip).Kinds.ShouldBe(kinds);

    private static string? Text(JsonElement element, string name) =>
        element.GetProperty(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static bool Flag(JsonElement element, string name) => element.GetProperty(name).GetBoolean();

    private static List<string>? Lines(JsonElement element, string name) =>
        element.GetProperty(name) is { ValueKind: JsonValueKind.Array } value ? Strings(value) : null;

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
