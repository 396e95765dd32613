using Shouldly;
using TvmBuild.Tests.Support;

namespace TvmBuild.Tests.Coverage;

/// <summary>tests/data/tvm-main-ci.json is what TvmCiScan reads from TVM main; with TVM_HOME at a TVM main checkout
/// the recording is compared with the tree (UPDATE_TVM_CI=1 rewrites it: tests/data/record-tvm-ci.sh).</summary>
public class RecordedTvmCiTests
{
    public static string DataFile => Path.Combine(BuildScript.RepoRoot, "tests", "data", "tvm-main-ci.json");

    [RealTvmFact]
    public void The_recording_is_what_the_tree_at_tvm_home_has()
    {
        var tvm = Environment.GetEnvironmentVariable("TVM_HOME")!;
        // v0.9.0 has no generated Jenkinsfiles.
        if (!Directory.Exists(Path.Combine(tvm, "ci", "jenkins", "generated"))) return;
        var scanned = TvmCiScan.Read(tvm).ToJson();
        if (Environment.GetEnvironmentVariable("UPDATE_TVM_CI") == "1") File.WriteAllText(DataFile, scanned);
        var recorded = File.Exists(DataFile) ? TvmCi.FromJson(File.ReadAllText(DataFile)) : null;
        (recorded?.ToJson() is { } text ? Without(text, "source") : "")
            .ShouldBe(Without(scanned, "source"), "tests/data/record-tvm-ci.sh re-records it; review the diff");
    }

    private static string Without(string json, string key) =>
        string.Join('\n', json.Split('\n').Where(l => !l.TrimStart().StartsWith($"\"{key}\":")));
}
