using System.Text.RegularExpressions;

namespace TvmBuild.Adopt;

/// <summary>How a text can point at a removed path: the path itself (also inside a longer path or a GitHub link), a
/// tail of two or more of its parts (<c>jenkins/generate.py</c>), its file name when no other file of the tree has it
/// (<c>task_build.py</c>; not a bare word such as Makefile), or a link to <c>./name</c> beside it (a README linking
/// <c>./build.sh</c>).</summary>
public sealed class Mentions
{
    private readonly List<(string Form, string Removed)> _forms;
    private readonly Regex _any;

    public Mentions(IEnumerable<string> removed, IEnumerable<string> allFiles)
    {
        var names = allFiles.GroupBy(f => f.TrimEnd('/').Split('/')[^1]).ToDictionary(g => g.Key, g => g.Count());
        _forms = removed.SelectMany(r => Forms(r, names).Select(f => (f, r))).Distinct()
            .OrderByDescending(f => f.f.Length).ToList();
        _any = _forms.Count == 0 ? new Regex("(?!)") : new Regex(
            $@"(?<![\w.-])(?<path>{string.Join("|", _forms.Select(f => Regex.Escape(f.Form)))}){End}",
                RegexOptions.Compiled);
    }

    public bool Any => _forms.Count > 0;

    /// <summary>The removed path a line points at, if any (including <c>./name</c> forms for files in
    /// <paramref name="folder"/>).</summary>
    public string? In(string line, string folder)
    {
        var match = _any.Match(line);
        if (match.Success) return Removed(match);
        if (!line.Contains("./")) return null;
        match = Beside(folder).Match(line);
        return match.Success ? BesideOf(folder, match.Groups["path"].Value) : null;
    }

    private readonly Dictionary<string, Regex> _beside = [];

    /// <summary>The removed paths in or below <paramref name="folder"/>, written <c>./relative</c>.</summary>
    private Regex Beside(string folder)
    {
        if (_beside.TryGetValue(folder, out var regex)) return regex;
        var relative = _forms.Select(f => f.Removed).Distinct().Select(r => Relative(folder, r))
            .Where(r => !r.StartsWith("..")).ToList();
        return _beside[folder] = relative.Count == 0 ? new Regex("(?!)")
            : new Regex($@"(?<=\]\(|<)\./(?<path>{Alternatives(relative)})(?=[)>#])");
    }

    private string BesideOf(string folder, string relative) =>
        _forms.Select(f => f.Removed).First(r => Relative(folder, r) == relative);

    private static string Relative(string folder, string path) =>
        folder.Length == 0 ? path
            : Path.GetRelativePath(folder, path).Replace('\\', '/') + (path.EndsWith('/') ? "/" : "");

    /// <summary>Every mention in a document replaced by what replaced it: <c>docker/bash.sh ci_gpu
    /// tests/scripts/task_python_unittest.sh</c> becomes <c>./build.sh UnitTest --docker ci_gpu</c>, <c>python3
    /// tests/scripts/task_build.py</c> becomes <c>./build.sh Compile</c>, a Markdown link to a removed file becomes its
    /// replacement in code quotes, a GitHub link to a removed folder links its replacement.</summary>
    public string Replace(string text, IReadOnlyDictionary<string, string> by, string folder = "")
    {
        if (!Any) return text;
        var forms = string.Join("|", _forms.Select(f => Regex.Escape(f.Form)));
        var link = new Regex(@"\[[^\]\n]*\]\((?<target>[^)\s#]+)(?:#[^)\s]*)?\)");
        text = link.Replace(text, m => Target(folder, m.Groups["target"].Value) is { } removed
                                       && by.TryGetValue(removed, out var b)
            ? $"`{b}`" : m.Value);
        var github = new Regex($@"(?<base>https://github\.com/apache/tvm/(?:blob|tree)/[\w.-]+/)(?<path>{forms}){End}");
        text = github.Replace(text,
            m => by[Removed(m)] is var b && !b.Contains(' ') ? m.Groups["base"].Value + b : m.Value);
        var inImage = new Regex(
            $@"(?:\S*/)?docker/(?:bash|build)\.sh (?<image>[\w.:/-]+) (?:\./)?(?<path>{forms}){End}");
        text = inImage.Replace(text, m => by[Removed(m)] is var command && command.StartsWith("./build.sh ")
            ? $"{command} --docker {m.Groups["image"].Value}" : m.Value);
        // An interpreter before the path goes with it, and so does the rest of a longer path (/path/to/tvm/...);
        // not inside a URL, which a command cannot replace.
        var run = new Regex(
            $@"(?<![\w./-])(?:(?:\S*/)?(?:python3?|bash|sh) )?[\w./-]*?(?<![\w.-]|://\S*)(?<path>{forms}){End}");
        return run.Replace(text, m => by[Removed(m)]);
    }

    /// <summary>The removed path a link target names, from <paramref name="folder"/> (or the root, for /x).</summary>
    private string? Target(string folder, string target)
    {
        var web = Regex.Match(target, @"^https://github\.com/apache/tvm/(?:blob|tree)/[\w.-]+/(?<path>.+)$");
        if (target.Contains("://") && !web.Success) return null;
        var path = web.Success ? web.Groups["path"].Value
            : target.StartsWith('/') ? target.TrimStart('/')
            : Path.GetRelativePath(".", Path.Combine(folder, target)).Replace('\\', '/');
        if (target.EndsWith('/') && !path.EndsWith('/')) path += "/";
        return _forms.Select(f => f.Removed)
            .FirstOrDefault(r => r == path || r == path.TrimEnd('/') || r == path + "/");
    }

    private string Removed(Match m) => _forms.First(f => f.Form == m.Groups["path"].Value).Removed;

    private static string Alternatives(IEnumerable<string> texts) =>
        string.Join("|", texts.OrderByDescending(t => t.Length).Select(Regex.Escape));

    private const string End = @"(?![\w-]|\.\w)";

    private static IEnumerable<string> Forms(string removed, IReadOnlyDictionary<string, int> names)
    {
        var folder = removed.EndsWith('/');
        var parts = removed.TrimEnd('/').Split('/');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var tail = string.Join("/", parts[i..]);
            yield return tail;
            if (folder) yield return tail + "/";
        }
        // A bare name only when it is a file name (task_build.py), not a word of prose too (Makefile, Jenkinsfile).
        if (names.GetValueOrDefault(parts[^1]) == 1 && parts[^1].Contains('.'))
            yield return parts[^1] + (folder ? "/" : "");
    }
}
