using System.Text;

namespace TvmBuild.Adopt;

/// <summary>The page TVM's contributor guide gets (reStructuredText, as TVM's docs are), and its toctree
/// entry.</summary>
public static class ContributorGuide
{
    /// <summary>The page: what tvm-build is, the everyday commands, and the guide's pages in <paramref
    /// name="guideFolder"/> with their titles.</summary>
    public static string Page(string guideFolder, IReadOnlyList<(string Name, string Title)> pages)
    {
        const string title = "Developer tools: ./build.sh";
        var text = new StringBuilder();
        text.Append($"{title}\n{new string('=', title.Length)}\n\n");
        text.Append(Introduction);
        text.Append(".. code-block:: bash\n\n");
        foreach (var (command, what) in Commands)
            text.Append($"   {command,-44} # {what}\n");
        text.Append($"\nThe guide is in ``{guideFolder}/`` of the source tree:\n\n");
        foreach (var (name, pageTitle) in pages)
            text.Append($"- ``{guideFolder}/{name}``: {pageTitle}\n");
        return text.ToString();
    }

    private const string Introduction = """
        ``./build.sh`` at the root of this tree configures, builds, tests, lints and documents TVM the way CI does,
        with one command, on this machine or in CI's images (``--docker ci_cpu``). It replaces the root ``Makefile``,
        ``tests/scripts/task_*``, ``tests/scripts/ci.py`` and the ``docker/*.sh`` scripts; CI's tasks are data in
        ``ci/catalog.yaml``, from which ``./build.sh GenerateCi`` writes the Jenkinsfile and the GitHub workflow.
        It needs the .NET 10 SDK; ``./build.sh Doctor`` lists the other tools each target needs.


        """;

    private static readonly (string Command, string What)[] Commands =
    [
        ("./build.sh --help", "every target and parameter"),
        ("./build.sh Compile", "configure + build, in build-cpu/"),
        ("./build.sh UnitTest CppTest", "TVM's tests, as CI runs them"),
        ("./build.sh Lint", "TVM's linters on the files you changed"),
        ("./build.sh Docs --serve", "these docs, rebuilt on every change"),
        ("./build.sh DevShell --docker ci_cpu", "a shell in CI's image"),
        ("./build.sh CiTask --name unittest --dry-run", "what CI runs for a task"),
    ];

    /// <summary>The first Markdown heading of a page, as its title.</summary>
    public static string Title(string markdown) =>
        markdown.Split('\n').FirstOrDefault(l => l.StartsWith("# "))?[2..].Trim() ?? "";

    /// <summary>The text with <paramref name="entry"/> added after the last entry of its first toctree (unchanged if it
    /// is there), or null when there is no toctree with entries.</summary>
    public static string? WithTocEntry(string text, string entry)
    {
        var lines = text.Split('\n').ToList();
        var start = lines.FindIndex(l => l.TrimStart().StartsWith(".. toctree::", StringComparison.Ordinal));
        if (start < 0) return null;
        var last = -1;
        var indent = "   ";
        for (var i = start + 1; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0) continue;
            if (!char.IsWhiteSpace(line[0])) break;
            var item = line.Trim();
            if (item.StartsWith(':')) continue;
            if (item == entry) return text;
            last = i;
            indent = line[..(line.Length - line.TrimStart().Length)];
        }
        if (last < 0) return null;
        lines.Insert(last + 1, indent + entry);
        return string.Join('\n', lines);
    }
}
