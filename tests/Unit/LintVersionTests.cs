using Shouldly;
using TvmBuild.Engine;
using TvmBuild.Lint;
using TvmBuild.Tests.Support;
using TvmBuild.Tvm;
using Xunit;

namespace TvmBuild.Tests.Unit;

/// <summary>Which versions a tree pins, which npm version stands in for a pin npm does not serve, and how formatter
/// diffs become findings: pure logic behind Lint's version column and v0.9.0's black and git-clang-format
/// steps.</summary>
public class LintVersionTests
{
    [Fact]
    public void Main_pins_come_from_each_hook_repository_rev()
    {
        var tree = AbsolutePath.Create(BuildScript.Fixture);
        var config = PreCommitConfig.Load(tree / ".pre-commit-config.yaml");
        var pins = LintPins.Read(tree, new Layout(), config);
        pins["ruff"].ShouldBe("0.12.3");
        pins["clang-format"].ShouldBe("20.1.8");
        pins["yamllint"].ShouldBe("1.35.1");
        pins["taplo"].ShouldBe("0.9.3");
        pins["cython-lint"].ShouldBe("0.16.7");
    }

    [Fact]
    public void V090_pins_come_from_the_ci_lint_image_install_lines()
    {
        var tree = AbsolutePath.Create(BuildScript.TempDirectory());
        (tree / "docker" / "install").CreateDirectory();
        // The lines as docker/Dockerfile.ci_lint and ubuntu1804_install_clang_format.sh have them at v0.9.0.
        File.WriteAllText(tree / "docker" / "Dockerfile.ci_lint",
            "RUN pip3 install cpplint pylint==2.4.4 mypy==0.902 black==22.3.0 flake8==3.9.2 blocklint==0.2.3 "
            + "jinja2==3.0.3\n");
        File.WriteAllText(tree / "docker" / "install" / "clang.sh",
            "echo deb http://apt.llvm.org/bionic/ llvm-toolchain-bionic-10 main\n"
            + "apt-get update && apt-install-and-clear -y clang-format-10\n");
        var layout = new Layout { LintPins = ["docker/Dockerfile.ci_lint", "docker/install/clang.sh"] };
        LintPins.Read(tree, layout, null).ShouldBe(new Dictionary<string, string>
        {
            ["pylint"] = "2.4.4", ["mypy"] = "0.902", ["black"] = "22.3.0", ["flake8"] = "3.9.2",
            ["blocklint"] = "0.2.3", ["jinja2"] = "3.0.3", ["clang-format"] = "10",
        }, ignoreOrder: true);
    }

    [Theory]
    [InlineData("20.1.8", "20.1.7")]   // TVM main's clang-format: the same major's nearest
    [InlineData("10", "19.1.3")]       // v0.9.0's: no major 10, the nearest major's lowest (of those given)
    [InlineData("0.12.3", "0.12.3")]   // published: itself
    [InlineData("21.1.7", "21.1.6")]   // between two: the nearer, ties to the lower
    public void The_nearest_published_version_stands_in_for_a_pin(string pinned, string nearest)
    {
        string[] published = ["0.2.10", "0.12.3", "19.1.3", "19.1.7", "20.1.7", "21.1.6", "21.1.8", "22.1.5", "23.1.0",
            "24.0.0-rc1"];
        PinnedNpm.Nearest(published, pinned).ShouldBe(nearest);
    }

    [Fact]
    public void Blacks_diff_gives_a_finding_per_hunk_at_its_first_changed_line()
    {
        const string diff = """
            black version: black, 23.1.0
            --- python/tvm/a.py	2026-01-01 00:00:00.000000 +0000
            +++ python/tvm/a.py	2026-01-01 00:00:01.000000 +0000
            @@ -10,7 +10,7 @@
             x = 1
             y = 2

            -z = [1,2]
            +z = [1, 2]
             w = 3
            @@ -40,3 +40,3 @@
            -def f( a ):
            +def f(a):
                 return a
            would reformat python/tvm/a.py
            """;
        DiffFindings.Findings(diff, "black", "black would reformat this", p => p).Select(p => p.ToString()).ShouldBe(
        [
            "python/tvm/a.py:13:1: black: black would reformat this",
            "python/tvm/a.py:40:1: black: black would reformat this",
        ]);
    }

    [Fact]
    public void Git_clang_formats_diff_names_the_b_side_file()
    {
        const string diff = """
            diff --git a/src/arith/analyzer.cc b/src/arith/analyzer.cc
            index 1d215891e3..b922138057 100644
            --- a/src/arith/analyzer.cc
            +++ b/src/arith/analyzer.cc
            @@ -35,7 +35,7 @@ Analyzer::Analyzer()
                   canonical_simplify(this),
                   int_set(this) {}

            -void  Analyzer::Bind(const Var& var) {
            +void Analyzer::Bind(const Var& var) {
            """;
        DiffFindings.Findings(diff, "clang-format", "code should be clang-formatted", p => p).Select(p => p.ToString())
            .ShouldBe(["src/arith/analyzer.cc:38:1: clang-format: code should be clang-formatted"]);
    }
}
