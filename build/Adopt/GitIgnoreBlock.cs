using TvmBuild.Engine;

namespace TvmBuild.Adopt;

/// <summary>The block Adopt keeps at the end of TVM's .gitignore: TVM ignores build/ (and *.json), so the build
/// project's sources are re-included one by one, and its output is ignored. The lines are worked out against the tree's
/// own rules in a scratch repository, so git itself decides, and nothing in the tree is touched meanwhile.</summary>
public static class GitIgnoreBlock
{
    public const string Begin =
        "# >>> tvm-build: its sources are tracked, its output is not (written by ./build.sh Adopt)";
    public const string End = "# <<< tvm-build";

    /// <summary>The file without a block Adopt wrote before.</summary>
    public static string Without(string text)
    {
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        if (start < 0) return text;
        var end = text.IndexOf(End, start, StringComparison.Ordinal);
        var newline = end < 0 ? -1 : text.IndexOf('\n', end);
        var after = end < 0 || newline < 0 ? text.Length : newline + 1;
        return text[..start] + text[after..];
    }

    public static string With(string text, IReadOnlyList<string> lines)
    {
        var rest = Without(text);
        if (rest.Length > 0 && !rest.EndsWith('\n')) rest += "\n";
        return rest + string.Join("\n", [Begin, .. lines, End]) + "\n";
    }

    /// <summary>The block's lines for a tree whose ignore files are <paramref name="ignoreFiles"/> (path → text, the
    /// root one without an old block): every home file tracked, every output folder ignored.</summary>
    public static List<string> Compute(IReadOnlyDictionary<string, string> ignoreFiles, IReadOnlyList<string> home,
        IReadOnlyList<string> output)
    {
        var scratch = AbsolutePath.Create(Directory.CreateTempSubdirectory("tvm-build-gitignore-").FullName);
        try
        {
            Repo.Git(scratch, "init", "--quiet");
            void Write(IReadOnlyList<string> block)
            {
                foreach (var (path, text) in ignoreFiles)
                    (scratch / path).WriteAllTextAtomically(path == ".gitignore" ? With(text, block) : text);
            }
            var lines = new List<string>();
            Write(lines);
            // A file cannot be re-included while a folder above it is ignored: re-include the folder, ignore what is
            // in it, then re-include the children on the way to the home's files.
            var folders = home.SelectMany(Ancestors).Distinct().OrderBy(f => f.Count(c => c == '/'))
                .ThenBy(f => f, StringComparer.Ordinal).ToList();
            var handled = new HashSet<string>();
            while (Repo.Ignored(scratch, folders) is var ignored
                   && folders.FirstOrDefault(ignored.Contains) is { } folder)
            {
                if (!handled.Add(folder)) break; // the rules keep it ignored: reported below
                lines.AddRange([$"!/{folder}", $"/{folder}*"]);
                var children = home.Select(h => ChildOnTheWay(folder, h)).Where(c => c.Length > 0).Distinct();
                lines.AddRange(children.Select(c => $"!/{c}"));
                Write(lines);
            }
            lines.AddRange(Repo.Ignored(scratch, home).Order(StringComparer.Ordinal).Select(f => $"!/{f}"));
            lines.AddRange(output.Select(o => $"/{o.TrimEnd('/')}/"));
            Write(lines);
            var stillIgnored = Repo.Ignored(scratch, home);
            var notIgnored = Probes(output).Except(Repo.Ignored(scratch, Probes(output))).ToList();
            if (stillIgnored.Count > 0 || notIgnored.Count > 0)
                throw new BuildFailure($"No .gitignore block tracks {string.Join(", ", stillIgnored.Take(3))} and " +
                    "ignores " +
                    $"{string.Join(", ", notIgnored)}.",
                    "The tree's ignore rules are unusual: add the lines by hand, then run Adopt again.");
            return lines;
        }
        finally { Directory.Delete(scratch, recursive: true); }
    }

    /// <summary>A file inside each output folder, for git check-ignore.</summary>
    public static List<string> Probes(IEnumerable<string> output) =>
        output.Select(o => $"{o.TrimEnd('/')}/tvm-build-probe").ToList();

    private static IEnumerable<string> Ancestors(string path)
    {
        for (var slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1))
            yield return path[..(slash + 1)];
    }

    private static string ChildOnTheWay(string folder, string path)
    {
        if (!path.StartsWith(folder, StringComparison.Ordinal)) return "";
        var rest = path[folder.Length..];
        var slash = rest.IndexOf('/');
        return folder + (slash < 0 ? rest : rest[..(slash + 1)]);
    }
}
