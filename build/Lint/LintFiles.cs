using Serilog;
using TvmBuild.Engine;

namespace TvmBuild.Lint;

/// <summary>The files to lint: the whole tree (git's tracked + untracked files), or only those changed against a base
/// plus untracked ones. Type tags follow pre-commit's identify: text or binary, and the language by extension.</summary>
public static class LintFiles
{
    private static readonly Dictionary<string, string[]> Extensions = new()
    {
        [".py"] = ["python"], [".pyi"] = ["pyi", "python"], [".ipynb"] = ["jupyter"],
        [".c"] = ["c"], [".h"] = ["c", "c++", "header"], [".cc"] = ["c++"], [".cpp"] = ["c++"], [".cxx"] = ["c++"],
        [".hpp"] = ["c++", "header"], [".hh"] = ["c++", "header"], [".cu"] = ["cuda"], [".cuh"] = ["cuda"], [".mm"] = ["objective-c++"],
        [".yaml"] = ["yaml"], [".yml"] = ["yaml"], [".toml"] = ["toml"], [".pyx"] = ["cython"], [".pxd"] = ["cython"], [".pxi"] = ["cython"],
        [".md"] = ["markdown"], [".rst"] = ["rst"], [".sh"] = ["shell"], [".json"] = ["json"], [".java"] = ["java"], [".rs"] = ["rust"],
    };

    public static List<LintFile> Select(AbsolutePath root, bool all, string? baseRef, out string description)
    {
        var git = ToolResolver.TryFind("git");
        var isGit = git is not null && (root / ".git").Exists();
        if (!isGit)
        {
            if (!all) Log.Warning("{Root} is not a git tree: linting all files instead of the changed ones", root);
            description = "all files (not a git tree)";
            // Without git's ignore rules: leave out build output and hidden folders (.git, .pytest_cache, ...).
            return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f))
                .Where(f => f.Split('/') is var parts && !parts[0].StartsWith("build") && !parts[..^1].Any(d => d.StartsWith('.') || d == "__pycache__"))
                .Order(StringComparer.Ordinal).Select(f => Describe(root, f, isNew: false)).OfType<LintFile>().ToList();
        }
        string Git(params string[] args) => ProcessTasks.Run(new Command(git!, args, root), probe: true, onHost: true).Output;
        var untracked = Lines(Git("ls-files", "--others", "--exclude-standard"));
        List<string> paths;
        HashSet<string> added;
        if (all)
        {
            paths = [.. Lines(Git("ls-files")), .. untracked];
            added = [.. untracked];
            description = "all files";
        }
        else
        {
            var from = baseRef ?? DefaultBase(root, git!);
            if (ProcessTasks.Run(new Command(git!, ["rev-parse", "--verify", "--quiet", $"{from}^{{commit}}"], root), allowFailure: true, probe: true, onHost: true).ExitCode != 0)
                throw new BuildFailure($"--base {from} is not a commit of {root}.", "Give a branch, tag or commit (e.g. --base HEAD or --base origin/main).");
            paths = [.. Lines(Git("diff", "--name-only", "--diff-filter=ACMR", from)), .. untracked];
            added = [.. Lines(Git("diff", "--name-only", "--diff-filter=A", from)), .. untracked];
            description = $"files changed since {from}";
        }
        return paths.Distinct().Order(StringComparer.Ordinal).Select(p => Describe(root, p, added.Contains(p))).OfType<LintFile>().ToList();
    }

    /// <summary>The merge-base with origin/main, else HEAD (what a contributor's branch changed).</summary>
    private static string DefaultBase(AbsolutePath root, string git)
    {
        var mergeBase = ProcessTasks.Run(new Command(git, ["merge-base", "HEAD", "origin/main"], root), allowFailure: true, probe: true, onHost: true);
        return mergeBase.ExitCode == 0 ? mergeBase.Output.Trim() : "HEAD";
    }

    private static IEnumerable<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static LintFile? Describe(AbsolutePath root, string path, bool isNew)
    {
        var full = Path.Combine(root, path);
        var info = new FileInfo(full);
        var tags = new HashSet<string>();
        if (info.LinkTarget is not null) tags.Add("symlink");
        else if (!info.Exists) return null; // deleted in the work tree
        else tags.Add(IsBinary(full) ? "binary" : "text");
        tags.Add("file");
        if (Extensions.TryGetValue(Path.GetExtension(path).ToLowerInvariant(), out var languages)) tags.UnionWith(languages);
        if (tags.Contains("text") && !tags.Contains("python") && FirstLine(full) is { } shebang && shebang.StartsWith("#!") && shebang.Contains("python"))
            tags.Add("python");
        return new LintFile(path, full, tags, isNew);
    }

    /// <summary>identify's rule: a NUL byte in the first 8 KiB makes a file binary.</summary>
    private static bool IsBinary(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[8192];
        var read = stream.Read(buffer);
        return Array.IndexOf(buffer, (byte)0, 0, read) >= 0;
    }

    private static string? FirstLine(string path)
    {
        using var reader = new StreamReader(path);
        return reader.ReadLine();
    }
}
