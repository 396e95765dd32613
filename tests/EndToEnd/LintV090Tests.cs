using Shouldly;
using TvmBuild.Tests.Support;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>The 2022 layout's lint (task_lint.sh's steps) on the fixture reshaped to v0.9.0, with black and
/// clang-format through ./build.sh: changed files only, against --base, findings at the source line, --fix changing
/// exactly the changed files. The steps themselves and docker mode: <see cref="LintV090StepTests"/>.</summary>
public class LintV090Tests
{
    internal static string V090Tree()
    {
        var tree = Trees.CopyFixtureAsV090();
        // The ci_lint image's pins, as v0.9.0's docker files write them (layouts.yaml names these files).
        Directory.CreateDirectory(Path.Combine(tree, "docker", "install"));
        File.WriteAllText(Path.Combine(tree, "docker", "Dockerfile.ci_lint"),
            "RUN pip3 install black==22.3.0 flake8==3.9.2\n");
        File.WriteAllText(Path.Combine(tree, "docker", "install", "ubuntu1804_install_clang_format.sh"),
            "apt-get update && apt-install-and-clear -y clang-format-10\n");
        File.WriteAllText(Path.Combine(tree, "python", "tvm", "planted.py"),
            "\"\"\"Black-clean before the test plants a line.\"\"\"\n");
        GitTree.Git(tree, "init", "--quiet", "--initial-branch=main");
        GitTree.Git(tree, "add", "-A");
        GitTree.Git(tree, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "-m", "fixture");
        return tree;
    }

    private static List<string> Findings(ScriptResult result) => result.Output.Split('\n').Select(l => l.TrimEnd())
        .Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^[^\s:]+:\d+:\d+: [a-z0-9-]+: ")).ToList();

    [RequiresToolFact("black", "apt-get install black")]
    public void Changed_files_get_black_and_git_clang_format_against_the_base_with_findings_at_their_lines()
    {
        var tree = V090Tree();
        var untouched = Path.Combine(tree, "src", "runtime", "fixture_runtime.cc");
        File.AppendAllText(untouched, "int  untouched_but_unformatted( ) {return 0;}\n");   // changed, then committed:
        GitTree.Git(tree, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "-am", "base"); // not ours
        var py = Path.Combine(tree, "python", "tvm", "planted.py");
        var cc = Path.Combine(tree, "src", "fixture.cc");
        var (pyBefore, ccBefore) = (File.ReadAllText(py), File.ReadAllText(cc));
        File.AppendAllText(py, "\n\nPLANTED = [1,2]\n");
        File.AppendAllText(cc, "int  planted( ) {return 0;}\n");
        var pyLine = pyBefore.Split('\n').Length + 2;
        var ccLine = ccBefore.Split('\n').Length;

        var check = Run("Lint", "--tvm-home", tree, "--base", "HEAD", "--linters", "black,clang-format");
        check.ExitCode.ShouldBe(255, check.ToString());
        check.Output.ShouldContain("Linting files changed since HEAD: 2 files, 2 linters");
        Findings(check).ShouldBe([$"python/tvm/planted.py:{pyLine}:1: black: black would reformat this",
            $"src/fixture.cc:{ccLine}:1: clang-format: code should be clang-formatted"]);
        check.Output.ShouldMatch(@"clang-format +1 +1 +[0-9.]+s +wasm 19\.1\.3 \(pin 10\) +problems");
        check.Output.ShouldMatch(@"black +1 +1 +[0-9.]+s +\S+ \(pin 22\.3\.0\) +problems");

        var fix = Run("Lint", "--tvm-home", tree, "--base", "HEAD", "--linters", "black,clang-format", "--fix");
        fix.ExitCode.ShouldBe(0, fix.ToString());
        fix.Output.ShouldContain("Fixed python/tvm/planted.py (black)");
        fix.Output.ShouldContain("Fixed src/fixture.cc (clang-format)");
        fix.Output.ShouldContain("Lint: 0 problems, 2 files fixed");
        File.ReadAllText(py).ShouldBe(pyBefore + "\n\nPLANTED = [1, 2]\n");
        File.ReadAllText(cc).ShouldBe(ccBefore + "int planted() { return 0; }\n");
        GitTree.Git(tree, "status", "--porcelain").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ShouldBe([" M python/tvm/planted.py", " M src/fixture.cc"]);
    }
}
