namespace TvmBuild.Engine;

/// <summary>A unified diff of a committed file against what it should be, by git's own diff (no hand-written
/// one).</summary>
public static class UnifiedDiff
{
    public static string Of(ProcessRunner runner, AbsolutePath committed, string expected, string label)
    {
        if (ToolResolver.TryFind("git") is not { } git)
            return $"--- {label} (committed)\n+++ {label} (generated)\n(install git for a line-by-line diff)\n";
        var scratch = Directory.CreateTempSubdirectory("tvm-build-diff-").FullName;
        try
        {
            var left = Path.Combine(scratch, "committed", label);
            var right = Path.Combine(scratch, "generated", label);
            Directory.CreateDirectory(Path.GetDirectoryName(left)!);
            Directory.CreateDirectory(Path.GetDirectoryName(right)!);
            File.WriteAllText(left, committed.FileExists() ? committed.ReadAllText() : "");
            File.WriteAllText(right, expected);
            var diff = new Command(git,
                ["diff", "--no-index", "--no-color", "--", $"committed/{label}", $"generated/{label}"], scratch);
            return runner.OnHost.Probe(diff, RunOptions.MayFail).Output;
        }
        finally { Directory.Delete(scratch, recursive: true); }
    }
}
