using TvmBuild.Engine;

namespace TvmBuild.Adopt;

/// <summary>The git questions Adopt asks of a TVM tree: read-only probes, run even under --dry-run.</summary>
public static class Repo
{
    public static (int Code, string Output) Git(AbsolutePath directory, params string[] arguments)
    {
        var result = ProcessRunner.Uncancellable.Probe(new Command(Tools.Git.Executable,
            ["-c", "core.quotePath=false", .. arguments], directory), RunOptions.MayFail);
        return (result.ExitCode, result.Output);
    }

    public static bool IsWorkTree(AbsolutePath tree) =>
        Git(tree, "rev-parse", "--show-toplevel") is (0, var top) && RealPath.Of(top.Trim()) == RealPath.Of(tree);

    /// <summary>Paths among <paramref name="paths"/> that git would lose if they were overwritten or removed now:
    /// changed against HEAD, staged, or untracked.</summary>
    public static HashSet<string> Uncommitted(AbsolutePath tree, IReadOnlyCollection<string> paths)
    {
        if (paths.Count == 0) return [];
        var (code, output) = Git(tree, ["status", "--porcelain=v1", "--untracked-files=all", "--ignored=no", "--",
            .. paths]);
        if (code != 0) throw new BuildFailure($"git status failed in {tree}: {output.Trim()}");
        return Lines(output).Where(l => l.Length > 3).Select(l => l[3..])
            .Select(p => p.Contains(" -> ") ? p[(p.IndexOf(" -> ") + 4)..] : p)
            .ToHashSet();
    }

    /// <summary>Which of <paramref name="paths"/> the tree's ignore rules ignore (<c>git check-ignore --no-index</c>:
    /// the rules alone, whether a file is tracked or not).</summary>
    public static HashSet<string> Ignored(AbsolutePath tree, IReadOnlyCollection<string> paths)
    {
        if (paths.Count == 0) return [];
        var (code, output) = Git(tree, ["check-ignore", "--no-index", "--", .. paths]);
        if (code > 1) throw new BuildFailure($"git check-ignore failed in {tree}: {output.Trim()}");
        return Lines(output).ToHashSet();
    }

    public static List<string> Tracked(AbsolutePath tree, params string[] pathspecs)
    {
        var (code, output) = Git(tree, ["ls-files", "--", .. pathspecs]);
        return code == 0 ? Lines(output) : throw new BuildFailure($"git ls-files failed in {tree}: {output.Trim()}");
    }

    public static AbsolutePath GitDirectory(AbsolutePath tree) =>
        AbsolutePath.Create(Path.GetFullPath(Git(tree, "rev-parse", "--git-dir").Output.Trim(), tree));

    private static List<string> Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(l => l.TrimEnd('\r')).ToList();
}
