using Shouldly;
using TvmBuild.Engine;
using TvmBuild.Tests.Support;
using Xunit;

namespace TvmBuild.Tests.EndToEnd;

[Collection(nameof(InProcessCollection))]
public class SchemaTests
{
    [Fact]
    public void Committed_build_schema_matches_the_build()
    {
        var file = Path.Combine(BuildScript.RepoRoot, ".nuke", "build.schema.json");
        var expected = SchemaText.GenerateFor<Build>(AbsolutePath.Create(BuildScript.RepoRoot));
        File.ReadAllText(file)
            .ShouldBe(expected, "run any ./build.sh target locally to refresh .nuke/build.schema.json, then commit it");
        expected.ShouldContain("\"TvmHome\"");
        expected.ShouldContain("\"enum\": [\n          \"Adopt\",\n          \"Bisect\",\n          \"BuildImage\""
            .Replace("\n", Environment.NewLine).Replace("\r", ""));
    }

    [Fact]
    public void A_local_run_rewrites_a_stale_schema()
    {
        var root = BuildScript.TempDirectory();
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        var schema = Path.Combine(root, ".nuke", "build.schema.json");
        File.WriteAllText(schema, "{}");
        InProcessBuild.Run("Clean", "--root", root, "--tvm-home", BuildScript.Fixture, "--build-dir",
            Path.Combine(root, "b")).ExitCode.ShouldBe(0);
        File.ReadAllText(schema).ShouldContain("\"TvmHome\"");
    }
}
