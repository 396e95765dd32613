using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TvmBuild.Lint;

/// <summary>pre-commit-hooks' generic checks in C#, so they run with no Python at all. Each follows the hook of the same
/// id (v5.0.0): what it flags, and with --fix what pre-commit would rewrite.</summary>
public static partial class NativeChecks
{
    public static LintOutcome TrailingWhitespace(IReadOnlyList<LintFile> files, bool fix) => PerLine(files, fix, "trailing-whitespace",
        line => TrailingBlank().Match(line) is { Success: true } m ? (m.Index + 1, "trailing whitespace") : null,
        line => TrailingBlank().Replace(line, ""));

    public static LintOutcome EndOfFile(IReadOnlyList<LintFile> files, bool fix)
    {
        var outcome = LintOutcome.Empty;
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file.FullPath);
            if (bytes.Length == 0) continue;
            var end = bytes.Length;
            while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) end--;
            var ending = bytes.AsSpan(end).ToArray();
            var single = ending is [(byte)'\n'] || ending is [(byte)'\r', (byte)'\n'];
            if (single || (end == 0 && ending.Length == 0)) continue;
            var lines = bytes.Count(b => b == '\n') + 1;
            if (fix)
            {
                var kept = end == 0 ? [] : bytes[..end].Concat(ending.Length > 0 && ending[0] == '\r' ? "\r\n"u8.ToArray() : "\n"u8.ToArray()).ToArray();
                File.WriteAllBytes(file.FullPath, kept);
                outcome.Fixed.Add(file.Path);
            }
            else outcome.Problems.Add(new(file.Path, lines, 1, "end-of-file-fixer", ending.Length == 0 ? "no newline at end of file" : "extra blank lines at end of file"));
        }
        return outcome;
    }

    public static LintOutcome MixedLineEnding(IReadOnlyList<LintFile> files, bool fix)
    {
        var outcome = LintOutcome.Empty;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file.FullPath);
            var crlf = Regex.Count(text, "\r\n");
            var lf = Regex.Count(text, "(?<!\r)\n");
            var cr = Regex.Count(text, "\r(?!\n)");
            if (new[] { crlf, lf, cr }.Count(n => n > 0) < 2) continue;
            if (fix)
            {
                var ending = crlf >= lf && crlf >= cr ? "\r\n" : lf >= cr ? "\n" : "\r";
                File.WriteAllText(file.FullPath, Regex.Replace(text, "\r\n|\r|\n", ending));
                outcome.Fixed.Add(file.Path);
            }
            else outcome.Problems.Add(new(file.Path, 1, 1, "mixed-line-ending", $"mixed line endings ({crlf} CRLF, {lf} LF, {cr} CR)"));
        }
        return outcome;
    }

    /// <summary>Like the hook, it only looks while git is in a merge (MERGE_MSG or MERGE_HEAD), unless told to assume one.</summary>
    public static LintOutcome MergeConflict(IReadOnlyList<LintFile> files, string gitDirectory, bool assumeInMerge)
    {
        if (!assumeInMerge && !File.Exists(Path.Combine(gitDirectory, "MERGE_MSG")) && !File.Exists(Path.Combine(gitDirectory, "MERGE_HEAD")))
            return LintOutcome.Empty;
        return PerLine(files, false, "check-merge-conflict",
            line => line.StartsWith("<<<<<<< ") || line.StartsWith(">>>>>>> ") || line == "=======" || line.StartsWith("======= ")
                ? (1, $"merge conflict string '{line.Split(' ')[0]}' found") : null, null);
    }

    public static LintOutcome CaseConflict(IReadOnlyList<LintFile> files, IEnumerable<string> allPaths)
    {
        static IEnumerable<string> WithParents(string path)
        {
            for (var p = path; p.Length > 0; p = Path.GetDirectoryName(p) ?? "") yield return p;
        }
        var existing = allPaths.SelectMany(WithParents).Distinct().GroupBy(p => p.ToLowerInvariant()).Where(g => g.Count() > 1).ToDictionary(g => g.Key, g => g.ToList());
        var problems = files.SelectMany(f => WithParents(f.Path)).Distinct()
            .Where(p => existing.ContainsKey(p.ToLowerInvariant()))
            .Select(p => new LintProblem(p, 1, 1, "check-case-conflict", $"case-insensitivity conflict with {string.Join(", ", existing[p.ToLowerInvariant()].Where(o => o != p))}"))
            .ToList();
        return new(problems, []);
    }

    public static LintOutcome Symlinks(IReadOnlyList<LintFile> files) => new(files
        .Where(f => f.Tags.Contains("symlink") && !File.Exists(f.FullPath) && !Directory.Exists(f.FullPath))
        .Select(f => new LintProblem(f.Path, 1, 1, "check-symlinks", "broken symlink")).ToList(), []);

    public static LintOutcome LargeFiles(IReadOnlyList<LintFile> files, int maxKilobytes = 500) => new(files
        .Where(f => f.IsNew && !f.Tags.Contains("symlink") && new FileInfo(f.FullPath).Length > maxKilobytes * 1024L)
        .Select(f => new LintProblem(f.Path, 1, 1, "check-added-large-files", $"({(new FileInfo(f.FullPath).Length + 1023) / 1024} KB) exceeds {maxKilobytes} KB")).ToList(), []);

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
                    outcome.Problems.Add(new(file.Path, 1, 1, "check-yaml", "expected a single document in the stream"));
            }
            catch (YamlException e)
            {
                outcome.Problems.Add(new(file.Path, (int)e.Start.Line, (int)e.Start.Column, "check-yaml", (e.InnerException?.Message ?? e.Message).Split(" (Line:")[0]));
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
                outcome.Problems.Add(new(file.Path, diagnostic.Span.Start.Line + 1, diagnostic.Span.Start.Column + 1, "check-toml", diagnostic.Message));
        }
        return outcome;
    }

    /// <summary>requirements-txt-fixer: requirement lines sorted by name (comments travel with the line below them).</summary>
    public static LintOutcome RequirementsSorted(IReadOnlyList<LintFile> files, bool fix)
    {
        var outcome = LintOutcome.Empty;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file.FullPath);
            var blocks = new List<(string Key, string Text)>();
            var pending = new StringBuilder();
            foreach (var line in text.Split('\n').SkipLast(text.EndsWith('\n') ? 1 : 0))
            {
                pending.Append(line).Append('\n');
                if (line.TrimStart().StartsWith('#') || line.Trim().Length == 0) continue;
                blocks.Add((Requirement().Match(line).Value.ToLowerInvariant().Replace('_', '-'), pending.ToString()));
                pending.Clear();
            }
            var sorted = string.Concat(blocks.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => b.Text)) + pending;
            var original = string.Concat(blocks.Select(b => b.Text)) + pending;
            if (sorted == original) continue;
            if (fix) { File.WriteAllText(file.FullPath, sorted); outcome.Fixed.Add(file.Path); }
            else outcome.Problems.Add(new(file.Path, 1, 1, "requirements-txt-fixer", "requirements are not sorted"));
        }
        return outcome;
    }

    private static LintOutcome PerLine(IReadOnlyList<LintFile> files, bool fix, string linter, Func<string, (int Column, string Message)?> check, Func<string, string>? repair)
    {
        var outcome = LintOutcome.Empty;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file.FullPath);
            var lines = Regex.Split(text, "(?<=\n)");
            var changed = false;
            for (var i = 0; i < lines.Length; i++)
            {
                var ending = lines[i].EndsWith("\r\n") ? "\r\n" : lines[i].EndsWith('\n') ? "\n" : "";
                var content = lines[i][..^ending.Length];
                if (check(content) is not { } found) continue;
                if (fix && repair is not null) { lines[i] = repair(content) + ending; changed = true; }
                else outcome.Problems.Add(new(file.Path, i + 1, found.Column, linter, found.Message));
            }
            if (!changed) continue;
            File.WriteAllText(file.FullPath, string.Concat(lines));
            outcome.Fixed.Add(file.Path);
        }
        return outcome;
    }

    [GeneratedRegex(@"[ \t\f\v]+$")]
    private static partial Regex TrailingBlank();

    [GeneratedRegex(@"^\s*[A-Za-z0-9._-]+")]
    private static partial Regex Requirement();
}
