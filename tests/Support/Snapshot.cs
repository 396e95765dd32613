using Shouldly;

namespace TvmBuild.Tests.Support;

/// <summary>Compares text with tests/Snapshots/&lt;name&gt;. UPDATE_SNAPSHOTS=1 rewrites the file; review the diff like
/// code.</summary>
public static class Snapshot
{
    public static void Match(string name, string actual)
    {
        var file = Path.Combine(BuildScript.RepoRoot, "tests", "Snapshots", name);
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1" || !File.Exists(file))
        {
            File.WriteAllText(file, actual);
            if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") != "1")
                throw new ShouldAssertException($"Snapshot {name} did not exist; wrote it. Review and commit it.");
            return;
        }
        var expected = File.ReadAllText(file);
        if (expected != actual)
        {
            File.WriteAllText(file + ".received", actual);
            actual.ShouldBe(expected,
                $"Snapshot {name} differs; the new text is in {file}.received (UPDATE_SNAPSHOTS=1 accepts it).");
        }
    }
}
