using Serilog;
using TvmBuild.Engine;

namespace TvmBuild.Lint;

/// <summary>The files to lint: the whole tree (git's tracked + untracked files), those changed against a base plus
/// untracked ones, or the staged ones. Type tags follow pre-commit's identify: text or binary, and the language by
/// extension.</summary>
public static class LintFiles
{
    private static readonly Dictionary<string, string[]> Extensions = new()
    {
        [".py"] = ["python"], [".pyi"] = ["pyi", "python"], [".ipynb"] = ["jupyter"],
        [".c"] = ["c"], [".h"] = ["c", "c++", "header"], [".cc"] = ["c++"], [".cpp"] = ["c++"],
        [".cxx"] = ["c++"], [".hpp"] = ["c++", "header"], [".hh"] = ["c++", "header"],
        [".cu"] = ["cuda"], [".cuh"] = ["cuda"], [".mm"] = ["objective-c++"],
        [".yaml"] = ["yaml"], [".yml"] = ["yaml"], [".toml"] = ["toml"],
        [".pyx"] = ["cython"], [".pxd"] = ["cython"], [".pxi"] = ["cython"],
        [".md"] = ["markdown"], [".rst"] = ["rst"], [".sh"] = ["shell"], [".json"] = ["json"],
        [".java"] = ["java"], [".rs"] = ["rust"],
    };

    /// <summary>Which paths, asking git only (read-only probes); nothing is read from the files yet.</summary>
    public static LintSelection Choose(ProcessRunner runner, AbsolutePath root, LintScope scope, string? baseRef)
    {
        var git = ToolResolver.TryFind("git");
        var isGit = git is not null && (root / ".git").Exists();
        if (!isGit)
        {
            if (scope == LintScope.Staged)
                throw new BuildFailure($"{root} is not a git tree, so nothing is staged.",
                    "Lint it with --all or --changed instead.");
            if (scope == LintScope.Changed)
                Log.Warning("{Root} is not a git tree: linting all files instead of the changed ones", root);
            // Without git's ignore rules: leave out build output and hidden folders (.git, .pytest_cache, ...).
            var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f))
                .Where(f => f.Split('/') is var parts && !parts[0].StartsWith("build")
                    && !parts[..^1].Any(d => d.StartsWith('.') || d == "__pycache__"))
                .ToList();
            return new(files, new HashSet<string>(), "all files (not a git tree)");
        }
        // -z: paths as they are, not C-quoted (a name with a space, a tab or a non-ASCII letter stays one path).
        List<string> Paths(params string[] args)
        {
            var output = runner.OnHost.Probe(new Command(git!, [.. args, "-z"], root)).Output;
            if (output.EndsWith('\n')) output = output[..^1]; // the line end the runner adds
            return output.Split('\0', StringSplitOptions.RemoveEmptyEntries).ToList();
        }
        switch (scope)
        {
            case LintScope.Staged:
                return new(Paths("diff", "--cached", "--name-only", "--diff-filter=ACMR"),
                    Paths("diff", "--cached", "--name-only", "--diff-filter=A").ToHashSet(), "files staged for commit",
                    "HEAD");
            case LintScope.All:
                var others = Paths("ls-files", "--others", "--exclude-standard");
                return new([.. Paths("ls-files"), .. others], others.ToHashSet(), "all files");
            default:
                var (from, commit) = Resolve(runner, root, git!, baseRef);
                if (commit is null)
                    throw new BuildFailure($"--base {from} is not a commit of {root}.",
                        "Give a branch, tag or commit (e.g. --base HEAD or --base origin/main).");
                var untracked = Paths("ls-files", "--others", "--exclude-standard");
                return new([.. Paths("diff", "--name-only", "--diff-filter=ACMR", from), .. untracked],
                    Paths("diff", "--name-only", "--diff-filter=A", from).Concat(untracked).ToHashSet(),
                    $"files changed since {from}", from);
        }
    }

    /// <summary>The selected files with their type tags, read from the work tree (a path deleted there is left
    /// out).</summary>
    public static List<LintFile> Describe(AbsolutePath root, LintSelection selection) => selection.Paths.Distinct()
        .Order(StringComparer.Ordinal).Select(p => Describe(root, p, selection.Added.Contains(p)))
        .OfType<LintFile>().ToList();

    /// <summary>The commit a changed-files run compares with (--base, else the merge-base with origin/main, else
    /// HEAD), or null when the tree is no git tree or it names no commit.</summary>
    public static string? BaseCommit(ProcessRunner runner, AbsolutePath root, string? baseRef) =>
        ToolResolver.TryFind("git") is { } git && (root / ".git").Exists() ? Resolve(runner, root, git, baseRef).Commit
            : null;

    /// <summary>The base as given (or the default) and the commit it names, null when it names none.</summary>
    private static (string From, string? Commit) Resolve(ProcessRunner runner, AbsolutePath root, string git,
        string? baseRef)
    {
        var from = baseRef ?? DefaultBase(runner, root, git);
        var commit = runner.OnHost.Probe(
            new Command(git, ["rev-parse", "--verify", "--quiet", $"{from}^{{commit}}"], root), RunOptions.MayFail);
        return (from, commit.ExitCode == 0 ? commit.Output.Trim() : null);
    }

    /// <summary>The merge-base with origin/main, else HEAD (what a contributor's branch changed).</summary>
    private static string DefaultBase(ProcessRunner runner, AbsolutePath root, string git)
    {
        var mergeBase = runner.OnHost.Probe(new Command(git, ["merge-base", "HEAD", "origin/main"], root),
            RunOptions.MayFail);
        return mergeBase.ExitCode == 0 ? mergeBase.Output.Trim() : "HEAD";
    }

    private static LintFile? Describe(AbsolutePath root, string path, bool isNew)
    {
        var full = Path.Combine(root, path);
        var info = new FileInfo(full);
        var tags = new HashSet<string>();
        if (info.LinkTarget is not null) tags.Add("symlink");
        else if (!info.Exists) return null; // deleted in the work tree
        else tags.Add(IsBinary(full) ? "binary" : "text");
        tags.Add("file");
        if (Extensions.TryGetValue(Path.GetExtension(path).ToLowerInvariant(), out var languages))
            tags.UnionWith(languages);
        if (tags.Contains("text") && !tags.Contains("python")
            && FirstLine(full) is { } shebang && shebang.StartsWith("#!") && shebang.Contains("python"))
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
