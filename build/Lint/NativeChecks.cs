using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TvmBuild.Lint;

/// <summary>pre-commit-hooks' generic checks in C#, so they run with no Python at all. Each follows the hook of the
/// same id (v5.0.0): what it flags, and with --fix what pre-commit would rewrite. Like the hooks they read and write
/// bytes, so a fixer changes only what it fixes, whatever the encoding.</summary>
public static class NativeChecks
{
    /// <summary>What <c>bytes.rstrip()</c> strips (space, \t, \v, \f, \r before the line end), keeping the line
    /// end.</summary>
    public static LintOutcome TrailingWhitespace(IReadOnlyList<LintFile> files, bool fix) =>
        PerLine(files, fix, "trailing-whitespace",
            (line, first) => ByteLines.RStrip(line) is var end && end < line.Length
                ? (ByteLines.Column(line, end, first), "trailing whitespace") : null,
            line => line[..ByteLines.RStrip(line)]);

    /// <summary>One line end at the end of a non-empty file: the first of the ending ones is kept (\n, \r\n or \r); a
    /// file of nothing but line ends becomes empty.</summary>
    public static LintOutcome EndOfFile(IReadOnlyList<LintFile> files, bool fix)
    {
        var outcome = LintOutcome.Empty;
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file.FullPath);
            if (bytes.Length == 0) continue;
            var end = bytes.Length;
            while (end > 0 && bytes[end - 1] is (byte)'\n' or (byte)'\r') end--;
            var ending = bytes[end..];
            if (end > 0 && ending is [(byte)'\n'] or [(byte)'\r', (byte)'\n'] or [(byte)'\r']) continue;
            if (fix)
            {
                byte[] kept = ending.Length == 0 ? [.. bytes, (byte)'\n'] : end == 0 ? []
                    : [.. bytes[..end], .. ending is [(byte)'\r', (byte)'\n', ..] ? "\r\n"u8 : ending[..1]];
                File.WriteAllBytes(file.FullPath, kept);
                outcome.Fixed.Add(file.Path);
            }
            else outcome.Problems.Add(new(file.Path, bytes.Count(b => b == '\n') + 1, 1, "end-of-file-fixer",
                ending.Length == 0 ? "no newline at end of file" : "extra blank lines at end of file"));
        }
        return outcome;
    }

    /// <summary>The hook's <c>--fix</c> argument: auto (the most common ending; ties go to LF, then CRLF), no (report
    /// only), or lf, crlf, cr (every line gets that one).</summary>
    public static LintOutcome MixedLineEnding(IReadOnlyList<LintFile> files, bool fix, IReadOnlyList<string> args)
    {
        var at = args.ToList().FindIndex(a => a is "--fix" or "-f" || a.StartsWith("--fix="));
        var mode = at < 0 ? "auto"
            : args[at].StartsWith("--fix=") ? args[at][6..] : args.ElementAtOrDefault(at + 1) ?? "auto";
        string[] names = ["cr", "crlf", "lf"]; // the hook's order, which breaks ties
        byte[][] endings = ["\r"u8.ToArray(), "\r\n"u8.ToArray(), "\n"u8.ToArray()];
        var outcome = LintOutcome.Empty;
        foreach (var file in files)
        {
            var lines = ByteLines.SplitUniversal(File.ReadAllBytes(file.FullPath));
            var counts = new int[3];
            foreach (var line in lines)
                if (line.AsSpan().EndsWith("\r\n"u8)) counts[1]++;
                else if (line[^1] == '\n') counts[2]++;
                else if (line[^1] == '\r') counts[0]++;
            var target = Array.IndexOf(names, mode);
            var bad = target >= 0 ? counts.Where((_, i) => i != target).Sum() > 0 : counts.Count(n => n > 0) > 1;
            if (!bad) continue;
            if (fix && mode != "no")
            {
                if (target < 0)
                    for (int i = 0, most = 0; i < counts.Length; i++)
                        if (counts[i] >= most) (target, most) = (i, counts[i]);
                var ending = endings[target];
                var rewritten = lines.Select(l => (byte[])[.. l.AsSpan().TrimEnd("\r\n"u8), .. ending]);
                File.WriteAllBytes(file.FullPath, ByteLines.Concat(rewritten));
                outcome.Fixed.Add(file.Path);
            }
            else
            {
                var what = target < 0 ? "mixed line endings" : $"line endings other than {mode.ToUpperInvariant()}";
                outcome.Problems.Add(new(file.Path, 1, 1, "mixed-line-ending",
                    $"{what} ({counts[1]} CRLF, {counts[2]} LF, {counts[0]} CR)"));
            }
        }
        return outcome;
    }

    /// <summary>Like the hook, it only looks while git is in a merge (MERGE_MSG or MERGE_HEAD), unless told to assume
    /// one.</summary>
    public static LintOutcome MergeConflict(IReadOnlyList<LintFile> files, string gitDirectory, bool assumeInMerge)
    {
        if (!assumeInMerge && !File.Exists(Path.Combine(gitDirectory, "MERGE_MSG"))
            && !File.Exists(Path.Combine(gitDirectory, "MERGE_HEAD")))
            return LintOutcome.Empty;
        var patterns = new[] { "<<<<<<< ", "======= ", "=======\r\n", "=======\n", ">>>>>>> " }
            .Select(p => (Text: p.Trim(), Bytes: System.Text.Encoding.ASCII.GetBytes(p))).ToList();
        var outcome = LintOutcome.Empty;
        foreach (var file in files)
        {
            var lines = ByteLines.Split(File.ReadAllBytes(file.FullPath));
            for (var i = 0; i < lines.Count; i++)
                foreach (var pattern in patterns.Where(p => lines[i].AsSpan().StartsWith(p.Bytes)).Take(1))
                    outcome.Problems.Add(new(file.Path, i + 1, 1, "check-merge-conflict",
                        $"merge conflict string '{pattern.Text}' found"));
        }
        return outcome;
    }

    public static LintOutcome CaseConflict(IReadOnlyList<LintFile> files, IEnumerable<string> allPaths)
    {
        static IEnumerable<string> WithParents(string path)
        {
            for (var p = path; p.Length > 0; p = Path.GetDirectoryName(p) ?? "") yield return p;
        }
        var existing = allPaths.SelectMany(WithParents).Distinct().GroupBy(p => p.ToLowerInvariant())
            .Where(g => g.Count() > 1).ToDictionary(g => g.Key, g => g.ToList());
        var problems = files.SelectMany(f => WithParents(f.Path)).Distinct()
            .Where(p => existing.ContainsKey(p.ToLowerInvariant()))
            .Select(p => new LintProblem(p, 1, 1, "check-case-conflict", "case-insensitivity conflict with " +
                string.Join(", ", existing[p.ToLowerInvariant()].Where(other => other != p))))
            .ToList();
        return new(problems, []);
    }

    public static LintOutcome Symlinks(IReadOnlyList<LintFile> files) => new(files
        .Where(f => f.Tags.Contains("symlink") && !File.Exists(f.FullPath) && !Directory.Exists(f.FullPath))
        .Select(f => new LintProblem(f.Path, 1, 1, "check-symlinks", "broken symlink")).ToList(), []);

    public static LintOutcome LargeFiles(IReadOnlyList<LintFile> files, int maxKilobytes = 500) => new(files
        .Where(f => f.IsNew && !f.Tags.Contains("symlink") && new FileInfo(f.FullPath).Length > maxKilobytes * 1024L)
        .Select(f => new LintProblem(f.Path, 1, 1, "check-added-large-files",
            $"({(new FileInfo(f.FullPath).Length + 1023) / 1024} KB) exceeds {maxKilobytes} KB")).ToList(), []);

    public static LintOutcome Yaml(IReadOnlyList<LintFile> files)
    {
        var outcome = LintOutcome.Empty;
        foreach (var file in files)
        {
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(File.ReadAllText(file.FullPath)));
                if (stream.Documents.Count > 1)
                    outcome.Problems.Add(new(file.Path, 1, 1, "check-yaml",
                        "expected a single document in the stream"));
            }
            catch (YamlException e)
            {
                outcome.Problems.Add(new(file.Path, (int)e.Start.Line, (int)e.Start.Column, "check-yaml",
                    (e.InnerException?.Message ?? e.Message).Split(" (Line:")[0]));
            }
        }
        return outcome;
    }

    public static LintOutcome Toml(IReadOnlyList<LintFile> files)
    {
        var outcome = LintOutcome.Empty;
        foreach (var file in files)
        {
            var parsed = Tomlyn.Parsing.SyntaxParser.Parse(File.ReadAllText(file.FullPath), file.Path);
            foreach (var diagnostic in parsed.Diagnostics)
                outcome.Problems.Add(new(file.Path, diagnostic.Span.Start.Line + 1, diagnostic.Span.Start.Column + 1,
                    "check-toml", diagnostic.Message));
        }
        return outcome;
    }

    /// <summary>requirements-txt-fixer: requirement lines sorted by name (see <see cref="RequirementsTxt"/>).</summary>
    public static LintOutcome RequirementsSorted(IReadOnlyList<LintFile> files, bool fix)
    {
        var outcome = LintOutcome.Empty;
        foreach (var file in files)
        {
            var before = File.ReadAllBytes(file.FullPath);
            var sorted = RequirementsTxt.Sorted(before);
            if (sorted.AsSpan().SequenceEqual(before)) continue;
            if (fix) { File.WriteAllBytes(file.FullPath, sorted); outcome.Fixed.Add(file.Path); }
            else outcome.Problems.Add(new(file.Path, 1, 1, "requirements-txt-fixer", "requirements are not sorted"));
        }
        return outcome;
    }

    /// <summary>Checks each line's content (its bytes without the line end); with fix, repairs them and keeps the
    /// end.</summary>
    private static LintOutcome PerLine(IReadOnlyList<LintFile> files, bool fix, string linter,
        Func<byte[], bool, (int Column, string Message)?> check, Func<byte[], byte[]> repair)
    {
        var outcome = LintOutcome.Empty;
        foreach (var file in files)
        {
            var lines = ByteLines.Split(File.ReadAllBytes(file.FullPath));
            var changed = false;
            for (var i = 0; i < lines.Count; i++)
            {
                var end = lines[i].Length - ByteLines.EndLength(lines[i]);
                if (check(lines[i][..end], i == 0) is not { } found) continue;
                if (fix)
                {
                    lines[i] = [.. repair(lines[i][..end]), .. lines[i][end..]];
                    changed = true;
                }
                else outcome.Problems.Add(new(file.Path, i + 1, found.Column, linter, found.Message));
            }
            if (!changed) continue;
            File.WriteAllBytes(file.FullPath, ByteLines.Concat(lines));
            outcome.Fixed.Add(file.Path);
        }
        return outcome;
    }
}
