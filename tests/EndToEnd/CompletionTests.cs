using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>The shell completions (bash, zsh, PowerShell) as a shell runs them: they ask ./build.sh, a process, which
/// must answer without compiling.</summary>
public class CompletionTests
{
    /// <summary>What bash completion offers for the words typed (the last one being completed), from the repository
    /// root as a user would type ./build.sh, with no TVM_HOME unless given.</summary>
    private static string Complete(string[] words, string? tvmHome = null)
    {
        EnsureCompiled();
        var script = Path.Combine(RepoRoot, "dev", "completion", "tvm-build.bash");
        return Processes.Run("bash",
            ["-c", $"unset TVM_HOME; {(tvmHome is null ? "" : $"export TVM_HOME='{tvmHome}'; ")}" +
            $"source '{script}'; COMP_WORDS=({string.Join(" ", words.Select(w => $"'{w}'"))}); " +
            $"COMP_CWORD={words.Length - 1}; " +
            "_tvm_build; echo \"${COMPREPLY[*]}\"; complete -p ./build.sh"], RepoRoot).Output;
    }

    [Fact]
    public void Bash_completion_offers_targets_parameters_and_values()
    {
        Complete(["./build.sh", "Comp"]).ShouldStartWith("Compile CompileCppTest\n");
        Complete(["./build.sh", "Compile", "--tvm-h"]).ShouldStartWith("--tvm-home\n");
        Complete(["./build.sh", "Compile", "--preset", "gpu"]).ShouldStartWith("gpu gpu_other gpu_vulkan\n");
        Complete(["./build.sh", "Lint", "--verbosity", "q"]).ShouldStartWith("quiet\n");
        Complete(["./build.sh", "Compile", "--build-type", "Rel"]).ShouldStartWith("Release RelWithDebInfo\n");
        Complete(["./build.sh", "CiTask", "--name", "build-c"]).ShouldStartWith("build-cpu\n");
        Complete(["./build.sh", "Doctor", "--for", "Compile", "Un"]).ShouldStartWith("UnitTest\n"); // a list goes on
        // A value nothing is known about, or a second value of a one-value option: nothing, never target names.
        Complete(["./build.sh", "UnitTest", "--tests", ""]).ShouldStartWith("\n");
        Complete(["./build.sh", "Compile", "--preset", "cpu", ""]).ShouldStartWith("\n");
        Complete(["./build.sh", "Lint", "--all", ""]).ShouldStartWith("\n");
        Complete(["./build.sh", "Comp"]).ShouldContain("complete -F _tvm_build ./build.sh");
    }

    [Fact]
    public void Bash_completion_asks_the_build_for_the_presets_linters_and_images_of_the_tree()
    {
        var v090 = Trees.CopyFixtureAsV090();
        Complete(["./build.sh", "Compile", "--tvm-home", v090, "--preset", "q"]).ShouldStartWith("qemu\n");
        // main has none
        Complete(["./build.sh", "Compile", "--tvm-home", Fixture, "--preset", "q"]).ShouldStartWith("\n");
        Complete(["./build.sh", "Compile", "--preset", "q"], tvmHome: v090).ShouldStartWith("qemu\n");
        Complete(["./build.sh", "Lint", "--tvm-home", Fixture, "--linters", "ruff"])
            .ShouldStartWith("ruff-check ruff-format\n");
        Complete(["./build.sh", "Lint", "--tvm-home", Fixture, "--linters", "yamllint", "ruff-f"])
            .ShouldStartWith("ruff-format\n");
        Complete(["./build.sh", "Lint", "--skip-linters", "py"], tvmHome: v090).ShouldStartWith("pylint\n");
        // the catalog has none
        Complete(["./build.sh", "DevShell", "--tvm-home", Fixture, "--docker", "ci_l"]).ShouldStartWith("ci_lint\n");
    }

    [Fact]
    public void The_completion_question_is_hidden_fast_to_answer_and_never_compiles_the_build()
    {
        Run("--complete", "preset", "--tvm-home", Fixture).Output.ShouldBe("arm\ncpu\ngpu\ngpu_other\nwasm\n");
        Run("--complete", "linters").Output.ShouldBe(""); // no tree, no linters
        Run("--complete", "nonexistent").ExitCode.ShouldBe(1);
        // A checkout whose build is not compiled: build.sh says no at once instead of compiling while the user types.
        var copy = TempDirectory("complete-");
        File.Copy(Path.Combine(RepoRoot, "build.sh"), Path.Combine(copy, "build.sh"));
        File.SetUnixFileMode(Path.Combine(copy, "build.sh"), File.GetUnixFileMode(Path.Combine(RepoRoot, "build.sh")));
        Directory.CreateDirectory(Path.Combine(copy, "build"));
        File.WriteAllText(Path.Combine(copy, "build", "Build.cs"), "class Build { }\n");
        var stale = Run(["--complete", "preset"], script: Path.Combine(copy, "build.sh"));
        stale.ShouldBe(new ScriptResult(1, ""));
        File.Exists(Path.Combine(copy, ".nuke", "temp", "compile.log")).ShouldBeFalse();
    }

    [RequiresToolFact(".tools/pwsh",
        "dotnet tool install --tool-path .tools PowerShell --version 7.6.9 (.ci/run does it)")]
    public void PowerShell_completion_offers_targets_and_values()
    {
        var pwsh = Path.Combine(RepoRoot, ".tools", "pwsh");
        // compiled for build.ps1
        Shell(pwsh, ["-NoProfile", "-File", Path.Combine(RepoRoot, "build.ps1"), "--help"]).Code.ShouldBe(0);
        var script = Path.Combine(RepoRoot, "dev", "completion", "tvm-build.ps1");
        string Line(string input) =>
            $"(TabExpansion2 -inputScript '{input}' -cursorColumn {input.Length})" +
            ".CompletionMatches.CompletionText -join ' '; ";
        var (code, output) = Shell(pwsh, ["-NoProfile", "-Command",
            $"Remove-Item Env:TVM_HOME -ErrorAction SilentlyContinue; . '{script}'; " + Line("./build.ps1 Comp") +
            Line("./build.ps1 Compile --preset g") + Line("./build.ps1 CiTask --name build-c") +
            Line($"./build.ps1 Compile --tvm-home {Fixture} --preset g") + Line("./build.ps1 UnitTest --tests x")]);
        code.ShouldBe(0, output);
        // The fixture is a main tree: the build answers with its presets, without v0.9.0's gpu_vulkan.
        output.ShouldBe("Compile CompileCppTest\ngpu gpu_other gpu_vulkan\nbuild-cpu\ngpu gpu_other\n\n");
    }

    [RequiresToolFact("zsh", "apt-get install zsh (.ci/run does)")]
    public void Zsh_completion_registers_for_build_sh()
    {
        var script = Path.Combine(RepoRoot, "dev", "completion", "_tvm-build");
        var (code, output) = Shell("zsh",
            ["-c", $"autoload -U compinit && compinit -u -D && source '{script}' && print $_comps[./build.sh] && " +
                "functions _tvm_build | grep -c compadd"]);
        code.ShouldBe(0, output);
        output.ShouldStartWith("_tvm_build\n");
    }

    private static (int Code, string Output) Shell(string tool, string[] args) => Processes.Run(tool, args, RepoRoot);
}
