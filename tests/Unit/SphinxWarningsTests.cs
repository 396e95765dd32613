using Shouldly;
using TvmBuild.Docs;
using TvmBuild.Engine;
using TvmBuild.Tests.Coverage;
using TvmBuild.Tests.Support;
using Xunit;

namespace TvmBuild.Tests.Unit;

public class SphinxWarningsTests
{
    private static List<string> Ignored(string layout) =>
        RecordedDocsWarningsTests.Layouts.Single(l => l.Name == layout).Docs!.IgnoredWarnings;

    [Fact]
    public void Warnings_name_the_page_under_docs_and_ignored_noise_is_not_counted()
    {
        var tree = AbsolutePath.Create(Directory.CreateTempSubdirectory("sphinx-warnings-").FullName);
        var sources = (tree / "docs").CreateDirectory();
        File.WriteAllText(sources / "api.rst", "");
        var staging = tree / "build-cpu" / "docs" / "_staging";
        var output = $"""
            reading sources... [100%] api
            {staging}/api.rst:6: WARNING: unknown document: 'missing-page'
            {staging}/how_to/generated.rst:3: WARNING: duplicate label
            /usr/lib/python3/dist-packages/x.py:1: FutureWarning: old  WARNING
            WARNING:root:a warning logged by conf.py
            build succeeded, 4 warnings.
            """;
        SphinxWarnings.Of(output, staging, sources, Ignored("main")).ShouldBe([
            $"{sources}/api.rst:6: WARNING: unknown document: 'missing-page'",
            $"{staging}/how_to/generated.rst:3: WARNING: duplicate label",
            "WARNING:root:a warning logged by conf.py",
        ]);
    }

    public static TheoryData<string> Layouts => new(Comparisons.Recordings.Layouts);

    /// <summary>The lines task_python_docs.sh's check_sphinx_warnings prints: <c>grep -v -E</c> of the entries joined
    /// with '|', then <c>grep -E WARN</c> of what is left; run with grep itself on a log of each entry in a warning,
    /// near misses and regex look-alikes.</summary>
    [Theory] // grep is essential on Debian
    [MemberData(nameof(Layouts))]
    public void The_count_is_what_the_scripts_grep_of_its_ignored_warnings_leaves(string layout)
    {
        var ignored = Ignored(layout);
        string[] log =
        [
            .. ignored.Select(e => $"docs/x.rst:1: WARNING: before {e} after"),
            "docs/a.rst:6: WARNING: unknown document: 'missing-page'",
            "docs/b.rst:2: WARNING: Invalid configuration value found: 'language = None'.",
            "docs/c.rst:3: WARNING: py:class reference target not found: tvm.target=cuda",
            "WARNING: Nonexx! is not None",
            "WARNING: strategy:dense is not optimized for arm cpux",
            "WARNING: strategy:dense is not optimised for arm cpu",
            "WARNING: autotvm:Cannot find config for target=llvm -keys=cpu -link-params=0",
            "a WARN without ING",
            "a warning in lower case",
            "HTTP Error 4O3 WARNING: with a letter O",
            "docs/d.rst: WARNING: git  describe",
            "WARNING: document isn't included in any toctree",
        ];
        var folder = Directory.CreateTempSubdirectory("sphinx-grep-").FullName;
        var (logFile, clean) = (Path.Combine(folder, "log.txt"), Path.Combine(folder, "logclean.txt"));
        File.WriteAllText(logFile, string.Join('\n', log) + "\n");
        var dropped = Processes.Run("grep", ["-v", "-E", string.Join('|', ignored), logFile]);
        File.WriteAllText(clean, dropped.Output);
        var counted = Processes.Run("grep", ["-E", "WARN", clean]);
        counted.Code.ShouldBeOneOf(0, 1); // 1: no line left
        var theirs = counted.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var staging = AbsolutePath.Create(Path.Combine(folder, "staging"));
        SphinxWarnings.Of(string.Join('\n', log), staging, staging, ignored).ShouldBe(theirs);
        theirs.ShouldContain("docs/a.rst:6: WARNING: unknown document: 'missing-page'"); // the sample has a count
    }
}
