using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.EndToEnd.DocsTests;
using static TvmBuild.Tests.Support.InProcessBuild;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>What Docs would run for its options (--dry-run) and what it refuses before anything runs, in-process;
/// <see cref="DocsTests"/> runs Sphinx and the server.</summary>
[Collection(nameof(InProcessCollection))]
public class DocsOptionsTests
{
    [Fact]
    public void Full_and_tutorial_pattern_choose_what_the_gallery_executes()
    {
        Run(DocsArgs(Fixture, TempDirectory(), "--full", "--dry-run")).Output
            .ShouldContain("'TVM_TUTORIAL_EXEC_PATTERN=.*'");
        Run(DocsArgs(Fixture, TempDirectory(), "--tutorial-pattern", "quick_start", "--dry-run")).Output
            .ShouldContain("TVM_TUTORIAL_EXEC_PATTERN=quick_start");
    }

    [Fact]
    public void Sphinx_jobs_runs_sphinx_in_parallel_and_a_bad_value_is_refused()
    {
        var parallel = Run(DocsArgs(Fixture, TempDirectory(), "--sphinx-jobs", "auto", "--dry-run"));
        parallel.Output.ShouldContain(" python3 -m sphinx -b html -E -j auto -d ");
        Run(DocsArgs(Fixture, TempDirectory(), "--dry-run")).Output.ShouldNotContain(" -j ");
        var build = TempDirectory();
        var bad = Run(DocsArgs(Fixture, build, "--sphinx-jobs", "all"));
        bad.ExitCode.ShouldBe(255);
        bad.Output.ShouldContain(
            "--sphinx-jobs 'all' is neither a number nor auto: give auto (one per core) or a number, e.g. " +
            "--sphinx-jobs 4.");
        Directory.EnumerateFileSystemEntries(build).ShouldBeEmpty(); // refused before Configure and Compile run
    }

    [Fact]
    public void A_tree_without_docs_and_a_python_without_sphinx_are_clear_errors()
    {
        var tree = Trees.CopyFixture();
        Directory.Delete(Path.Combine(tree, "docs"), recursive: true);
        var noDocs = Run(DocsArgs(tree, TempDirectory(), "--skip", "Compile", "Configure"));
        noDocs.ExitCode.ShouldBe(255);
        noDocs.Output.ShouldContain($"{tree} has no docs/conf.py.");

        var python = Path.Combine(TempDirectory(), "python-without-sphinx");
        File.WriteAllText(python, "#!/bin/sh\nexit 1\n");
        File.SetUnixFileMode(python, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var noSphinx = Run(DocsArgs(Fixture, TempDirectory(), "--python", python, "--skip", "Compile", "Configure"));
        noSphinx.ExitCode.ShouldBe(255);
        noSphinx.Output.ShouldContain($"{python} cannot import sphinx.");
        noSphinx.Output.ShouldContain("apt-get install python3-sphinx");
    }
}
