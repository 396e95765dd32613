using TvmBuild.Engine;

namespace TvmBuild.Ci;

/// <summary>A unified diff of a committed file against what it should be, by git's own diff (no hand-written one).</summary>
public static class CiDiff
{
    public static string Unified(AbsolutePath committed, string expected, string label)
    {
        if (ToolResolver.TryFind("git") is not { } git) return $"--- {label} (committed)\n+++ {label} (generated)\n(install git for a line-by-line diff)\n";
        var scratch = Directory.CreateTempSubdirectory("tvm-build-diff-").FullName;
        try
        {
            var left = Path.Combine(scratch, "committed", label);
            var right = Path.Combine(scratch, "generated", label);
            Directory.CreateDirectory(Path.GetDirectoryName(left)!);
            Directory.CreateDirectory(Path.GetDirectoryName(right)!);
            File.WriteAllText(left, committed.FileExists() ? committed.ReadAllText() : "");
            File.WriteAllText(right, expected);
            return ProcessTasks.Run(new Command(git, ["diff", "--no-index", "--no-color", "--", $"committed/{label}", $"generated/{label}"], scratch),
                allowFailure: true, probe: true, onHost: true).Output;
        }
        finally { Directory.Delete(scratch, recursive: true); }
    }
}
