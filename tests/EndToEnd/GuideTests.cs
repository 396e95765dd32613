using System.Text.RegularExpressions;
using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>What keeps docs/ and dev/ honest: the generated reference and completions, Doctor, the migration table.</summary>
public class GuideTests
{
    [Fact]
    public void The_reference_and_completions_match_the_build()
    {
        var result = Run("GenerateDocs", "--check");
        result.ExitCode.ShouldBe(0, result.ToString());
        var reference = File.ReadAllText(Path.Combine(RepoRoot, "docs", "reference.md"));
        var help = Run("--help").Output;
        foreach (Match target in Regex.Matches(help, @"^  ([A-Z][A-Za-z]+)", RegexOptions.Multiline))
            reference.ShouldContain($"| `{target.Groups[1].Value}`");
        foreach (Match parameter in Regex.Matches(help, @"^  (--[a-z-]+)", RegexOptions.Multiline))
            reference.ShouldContain($"| `{parameter.Groups[1].Value}`");
    }

    [Fact]
    public void Bash_completion_offers_targets_parameters_and_values()
    {
        var script = Path.Combine(RepoRoot, "dev", "completion", "tvm-build.bash");
        string Complete(params string[] words) => Shell("bash", ["-c",
            $"source '{script}'; COMP_WORDS=({string.Join(" ", words.Select(w => $"'{w}'"))}); COMP_CWORD={words.Length - 1}; _tvm_build; echo \"${{COMPREPLY[*]}}\"; complete -p ./build.sh"]).Output;
        Complete("./build.sh", "Comp").ShouldStartWith("Compile CompileCppTest\n");
        Complete("./build.sh", "Compile", "--tvm-h").ShouldStartWith("--tvm-home\n");
        Complete("./build.sh", "Compile", "--preset", "gpu").ShouldStartWith("gpu gpu_other gpu_vulkan\n");
        Complete("./build.sh", "Lint", "--verbosity", "q").ShouldStartWith("quiet\n");
        Complete("./build.sh", "DevShell", "--docker", "ci_c").ShouldStartWith("ci_cpu\n");
        Complete("./build.sh", "Comp").ShouldContain("complete -F _tvm_build ./build.sh");
    }

    [RequiresToolFact(".tools/pwsh", "dotnet tool install --tool-path .tools PowerShell --version 7.6.9 (.ci/run does it)")]
    public void PowerShell_completion_offers_targets_and_values()
    {
        var script = Path.Combine(RepoRoot, "dev", "completion", "tvm-build.ps1");
        var (code, output) = Shell(Path.Combine(RepoRoot, ".tools", "pwsh"), ["-NoProfile", "-Command",
            $". '{script}'; (TabExpansion2 -inputScript './build.ps1 Comp' -cursorColumn 16).CompletionMatches.CompletionText -join ' '; " +
            "(TabExpansion2 -inputScript './build.ps1 Compile --preset g' -cursorColumn 30).CompletionMatches.CompletionText -join ' '"]);
        code.ShouldBe(0, output);
        output.ShouldBe("Compile CompileCppTest\ngpu gpu_other gpu_vulkan\n");
    }

    [RequiresToolFact("zsh", "apt-get install zsh (.ci/run does)")]
    public void Zsh_completion_registers_for_build_sh()
    {
        var script = Path.Combine(RepoRoot, "dev", "completion", "_tvm-build");
        var (code, output) = Shell("zsh", ["-c", $"autoload -U compinit && compinit -u -D && source '{script}' && print $_comps[./build.sh] && functions _tvm_build | grep -c compadd"]);
        code.ShouldBe(0, output);
        output.ShouldStartWith("_tvm_build\n");
    }

    [Fact]
    public void Doctor_names_a_hidden_tool_with_its_package_and_fails_only_for_targets_that_need_it()
    {
        // A PATH with what build.sh itself needs, and without cmake.
        var bin = TempDirectory();
        foreach (var tool in new[] { "bash", "dirname", "find", "sort", "xargs", "cksum", "flock", "cat", "dotnet", "git", "id", "ninja", "c++", "g++" })
            if (RequiresToolFactAttribute.Which(tool) is { } path) File.CreateSymbolicLink(Path.Combine(bin, tool), path);
        var environment = new Dictionary<string, string?> { ["PATH"] = bin, ["DOTNET_EXE"] = RequiresToolFactAttribute.Which("dotnet") };
        var compile = Run(["Doctor", "--for", "Compile"], environment);
        compile.ExitCode.ShouldBe(255, compile.ToString());
        compile.Output.ShouldMatch(@"cmake +MISSING: apt-get install cmake");
        compile.Output.ShouldContain("Missing: cmake (Compile).");
        var checkout = Run(["Doctor", "--for", "Checkout"], environment);
        checkout.ExitCode.ShouldBe(0, checkout.ToString());
        checkout.Output.ShouldMatch(@"git +git version");
    }

    [Fact]
    public void Every_command_of_the_migration_table_parses_with_dry_run()
    {
        var table = File.ReadAllLines(Path.Combine(RepoRoot, "docs", "migration.md")).Where(l => l.StartsWith('|')).ToList();
        var commands = table.Select(l => l.Split('|')).Where(cells => cells.Length > 5)
            .Where(cells => !cells[5].Contains("(v0.9.0 tree)"))
            .SelectMany(cells => Regex.Matches(cells[3], @"`(\./build\.sh [^`]+)`").Select(m => m.Groups[1].Value)).Distinct().ToList();
        commands.Count.ShouldBeGreaterThan(20);
        foreach (var command in commands)
        {
            var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
            var separator = words.IndexOf("--");
            List<string> args = separator < 0 ? [.. words, "--tvm-home", Fixture, "--dry-run"] : [.. words[..separator], "--tvm-home", Fixture, "--dry-run", .. words[separator..]];
            var result = Run(args.ToArray(), new FakeDocker().Environment());
            result.ExitCode.ShouldBe(0, $"{command}\n{result}");
        }
    }

    private static (int Code, string Output) Shell(string tool, string[] args) => Processes.Run(tool, args);
}
