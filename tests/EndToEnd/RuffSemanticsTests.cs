using Shouldly;
using TvmBuild.Tests.Support;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>ruff's WebAssembly build sees no paths: Lint's driver gives each file the settings ruff's CLI would resolve
/// from its path. tests/fixtures/ruff-semantics, copied into the fixture tree as semantics/ (its own pyproject.toml, so
/// hierarchical discovery picks it), has one case per rule; the expected lines follow ruff 0.12.3's CLI (README.md
/// there says from which of its sources).</summary>
public class RuffSemanticsTests
{
    private static readonly string[] Expected =
    [
        // !lib/** does not apply
        "semantics/lib/pkg/sub/mod.py:11:1: ruff-check: E741 Ambiguous variable name: `l`",
        "semantics/scripts/directives.py:18:5: ruff-check: F841 Local variable `value` is assigned to but never used",
        // base's table replaced
        "semantics/scripts/late_import.py:2:1: ruff-check: E402 Module level import not at top of file",
        "semantics/scripts/unsorted.py:1:1: ruff-check: I001 Import block is un-sorted or un-formatted",
        // exclude replaced the defaults
        "semantics/venv/lib.py:1:8: ruff-check: F401 `os` imported but unused",
    ];

    private static string Tree()
    {
        var tree = GitTree.CommittedFixture();
        Trees.CopyDirectory(Path.Combine(RepoRoot, "tests", "fixtures", "ruff-semantics"),
            Path.Combine(tree, "semantics"));
        GitTree.Git(tree, "add", "-A");
        GitTree.Git(tree, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "-m", "semantics");
        return tree;
    }

    private static List<string> Findings(ScriptResult result) => result.Output.Split('\n').Select(l => l.TrimEnd())
        .Where(l => l.StartsWith("semantics/") && l.Contains(": ruff-check: ")).ToList();

    [LintToolsFact]
    public void Each_file_gets_the_settings_the_cli_resolves_from_its_path()
    {
        var result = Run("Lint", "--tvm-home", Tree(), "--all", "--linters", "ruff-check");
        result.ExitCode.ShouldBe(255, result.ToString());
        Findings(result).ShouldBe(Expected);
        // Not linted as the CLI would lint it, so named: never a finding, never silently passed.
        result.Output
            .ShouldContain("ruff-check: semantics/scripts/stub.pyi not checked: ruff's WebAssembly build has no stub " +
                "(.pyi) mode");
        result.Output.ShouldMatch(@"ruff-check +\d+ +5 +[0-9.]+s +wasm 0\.12\.3 +problems \(1 file not checked\)");
    }

    [LintToolsFact]
    public void Fix_applies_only_the_fixes_the_cli_applies_without_unsafe_fixes()
    {
        var tree = Tree();
        var directives = File.ReadAllBytes(Path.Combine(tree, "semantics", "scripts", "directives.py"));
        var result = Run("Lint", "--tvm-home", tree, "--all", "--linters", "ruff-check", "--fix");
        result.Output.ShouldContain("Fixed semantics/scripts/unsorted.py (ruff-check)");
        File.ReadAllText(Path.Combine(tree, "semantics", "scripts", "unsorted.py"))
            .ShouldBe("import os\nimport sys\n\nprint(os, sys)\n");
        // F841: unsafe
        File.ReadAllBytes(Path.Combine(tree, "semantics", "scripts", "directives.py")).ShouldBe(directives);
        // F401's fix is safe
        Findings(result).ShouldBe(Expected.Where(e => !e.Contains("I001") && !e.Contains("F401")));
        GitTree.Git(tree, "status", "--porcelain").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ShouldBe([" M semantics/scripts/unsorted.py", " M semantics/venv/lib.py"]);
    }
}
