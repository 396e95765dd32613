using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace TvmBuild.Engine;

/// <summary>The content of a step's input paths, one digest per declared path and one per file (for --explain). In a
/// git work tree: git's blob id of each tracked file (a submodule: its commit), and for a file that differs from the
/// index or is untracked (not ignored), the hash of what is on disk, so uncommitted edits count. Elsewhere: the hash
/// of every file under the path.</summary>
public static class InputHashing
{
    public sealed record PathDigest(string Path, string Digest, IReadOnlyDictionary<string, string> Files);

    public static IReadOnlyList<PathDigest> Of(AbsolutePath tree, IReadOnlyList<string> paths,
        IReadOnlyList<string> excludes)
    {
        if (paths.Count == 0) return [];
        var files = (FromGit(tree, paths, excludes) ?? FromDisk(tree, paths, excludes))
            .Where(f => !Excluded(f.Key, excludes)).ToDictionary();
        return paths.Select(path =>
        {
            var prefix = path is "." or "" ? "" : path.TrimEnd('/');
            var under = files.Where(f => prefix.Length == 0 || f.Key == prefix || f.Key.StartsWith(prefix + "/"))
                .OrderBy(f => f.Key, StringComparer.Ordinal).ToDictionary(f => f.Key, f => f.Value);
            var text = new StringBuilder();
            foreach (var (file, digest) in under) text.Append(file).Append('\0').Append(digest).Append('\n');
            return new PathDigest(path, under.Count == 0 ? "absent" : Sha256(Encoding.UTF8.GetBytes(text.ToString())),
                under);
        }).ToList();
    }

    /// <summary>An exclude is a pattern for a top-level folder of the tree (<c>build*</c>).</summary>
    private static bool Excluded(string file, IReadOnlyList<string> excludes) =>
        excludes.Any(e => System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(e, file.Split('/')[0]));

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Sha256(string text) => Sha256(Encoding.UTF8.GetBytes(text));

    public static string FileSha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static Dictionary<string, string>? FromGit(AbsolutePath tree, IReadOnlyList<string> paths,
        IReadOnlyList<string> excludes)
    {
        var pathspec = paths.Concat(excludes.Select(e => $":(exclude){e}")).ToList();
        var staged = Lines(tree, ["ls-files", "--stage", "--", .. pathspec]);
        if (staged is null) return null;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in staged)
        {
            // <mode> <object> <stage>\t<file>
            var tab = line.IndexOf('\t');
            if (tab < 0) continue;
            var fields = line[..tab].Split(' ');
            files[line[(tab + 1)..]] = fields[0] == "160000" ? $"commit:{fields[1]}" : $"blob:{fields[1]}";
        }
        var changed = Lines(tree, ["ls-files", "--modified", "--deleted", "--others", "--exclude-standard", "--",
            .. pathspec]) ?? [];
        foreach (var file in changed.Distinct())
        {
            var full = Path.Combine(tree, file);
            if (File.Exists(full)) files[file] = $"file:{FileSha256(full)}";
            else if (Directory.Exists(full))
                files[file] = Lines(AbsolutePath.Create(full), ["rev-parse", "HEAD"]) is [var head, ..]
                    ? $"commit:{head}" : "directory";
            else files.Remove(file);
        }
        return files;
    }

    private static Dictionary<string, string> FromDisk(AbsolutePath tree, IReadOnlyList<string> paths,
        IReadOnlyList<string> excludes)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = Path.Combine(tree, path);
            IEnumerable<string> found = File.Exists(full) ? [full]
                : Directory.Exists(full) ? Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories) : [];
            foreach (var file in found)
                if (Path.GetRelativePath(tree, file).Replace('\\', '/') is var relative
                    && !Excluded(relative, excludes))
                    files[relative] = $"file:{FileSha256(file)}";
        }
        return files;
    }

    /// <summary>The tree's commit, short; null outside git.</summary>
    public static string? Head(AbsolutePath tree) =>
        Lines(tree, ["rev-parse", "--short=7", "HEAD"]) is [var head, ..] ? head : null;

    /// <summary>git's standard output, line by line; null when git is missing or the folder is no work tree.</summary>
    private static List<string>? Lines(AbsolutePath directory, IReadOnlyList<string> arguments)
    {
        if (ToolResolver.TryFind("git") is not { } git) return null;
        var info = ChildProcess.StartInfo(new Command(git, ["-c", "core.quotePath=false", .. arguments], directory));
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.StandardOutputEncoding = Encoding.UTF8;
        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        for (var line = process.StandardOutput.ReadLine(); line is not null; line = process.StandardOutput.ReadLine())
            lines.Add(line);
        process.WaitForExit();
        _ = errors.Result;
        return process.ExitCode == 0 ? lines : null;
    }
}
