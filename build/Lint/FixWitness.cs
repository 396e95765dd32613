using System.Security.Cryptography;
using TvmBuild.Engine;

namespace TvmBuild.Lint;

/// <summary>What a fixer changed, exactly: the bytes of the files it was given and of every file git calls modified or
/// untracked, before and after. A whole-tree script (v0.9.0's git-black.sh -i, check_asf_header.sh --fix) that
/// touches a file it was not given is caught too, so the summary names every file that changed.</summary>
public sealed class FixWitness
{
    private readonly ProcessRunner _runner;
    private readonly AbsolutePath _root;
    private readonly Dictionary<string, string> _before;

    private FixWitness(ProcessRunner runner, AbsolutePath root, Dictionary<string, string> before) =>
        (_runner, _root, _before) = (runner, root, before);

    public static async Task<FixWitness> Snapshot(ProcessRunner runner, AbsolutePath root,
        IReadOnlyList<LintFile> files)
    {
        var paths = files.Select(f => f.Path).Concat(await Dirty(runner, root)).Distinct();
        return new(runner, root, paths.ToDictionary(p => p, p => Hash(root, p)));
    }

    public async Task<List<string>> Changed()
    {
        var paths = _before.Keys.Concat(await Dirty(_runner, _root)).Distinct().Order(StringComparer.Ordinal);
        return paths.Where(p => Hash(_root, p) != (_before.TryGetValue(p, out var h) ? h : null)).ToList();
    }

    private static async Task<IEnumerable<string>> Dirty(ProcessRunner runner, AbsolutePath root)
    {
        if (!(root / ".git").Exists() || ToolResolver.TryFind("git") is not { } git) return [];
        var status = new Command(git, ["status", "--porcelain", "-z", "--untracked-files=all"], root);
        var result = await runner.OnHost.ProbeAsync(status, RunOptions.MayFail);
        // "XY path\0" entries; a rename is followed by its old path, which is not a file any more.
        return result.Output.TrimEnd('\n').Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(e => e.Length > 3 && e[2] == ' ').Select(e => e[3..]).Where(p => File.Exists(Path.Combine(root, p)));
    }

    private static string Hash(AbsolutePath root, string path) =>
        Path.Combine(root, path) is var full && File.Exists(full)
            ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(full))) : "";
}
