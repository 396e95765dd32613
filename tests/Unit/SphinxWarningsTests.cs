using Shouldly;
using TvmBuild.Docs;
using TvmBuild.Engine;
using Xunit;

namespace TvmBuild.Tests.Unit;

public class SphinxWarningsTests
{
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
        SphinxWarnings.Of(output, staging, sources).ShouldBe([
            $"{sources}/api.rst:6: WARNING: unknown document: 'missing-page'",
            $"{staging}/how_to/generated.rst:3: WARNING: duplicate label",
            "WARNING:root:a warning logged by conf.py",
        ]);
    }
}
