using Shouldly;
using TvmBuild.Tools;
using Xunit;

namespace TvmBuild.Tests.Unit;

/// <summary>The hints a missing tool prints (Doctor's rows, a target's failure, a skipped linter) come from one table,
/// one entry per tool.</summary>
public class PackagesTests
{
    [Fact]
    public void The_npm_for_the_linters_and_the_npm_for_web_each_get_their_own_hint()
    {
        Packages.Hint(Requirements.Npm.Package).ShouldBe("Install it: apt-get install npm (Lint installs the tree's " +
            "pinned ruff and clang-format from npm into ~/.cache/tvm-build).");
        Packages.Hint(Requirements.WebNpm.Package).ShouldBe("Install it: apt-get install npm emscripten, or --docker " +
            "ci_wasm.");
    }

    [Fact]
    public void A_linter_s_hint_is_the_one_its_LintProgram_entry_gives()
    {
        Packages.Hint("yamllint").ShouldBe("Install it: apt-get install yamllint, or --docker ci_lint.");
        Packages.Source("black").ShouldBe(LintProgram.Find("black")!.Source);
    }

    [Fact]
    public void A_tool_the_table_lacks_gets_a_generic_line()
    {
        Packages.Hint("frobnicate").ShouldBe("Install frobnicate, or check PATH.");
    }
}
