using System.Text.RegularExpressions;
using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.InProcessBuild;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>What keeps docs/ and dev/ honest: the generated reference and completions, Doctor, the migration
/// table (in-process; the completion scripts run against ./build.sh in <see cref="CompletionTests"/>).</summary>
[Collection(nameof(InProcessCollection))]
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
    public void Doctor_names_a_hidden_tool_with_its_package_and_fails_only_for_targets_that_need_it()
    {
        // A PATH with what build.sh itself needs, and without cmake.
        var bin = TempDirectory();
        foreach (var tool in new[] { "bash", "dirname", "find", "sort", "xargs", "cksum", "flock", "cat", "dotnet",
                     "git", "id", "ninja", "c++", "g++" })
            if (RequiresToolFactAttribute.Which(tool) is { } path)
                File.CreateSymbolicLink(Path.Combine(bin, tool), path);
        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = bin,
            ["DOTNET_EXE"] = RequiresToolFactAttribute.Which("dotnet")
        };
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
        var table = File.ReadAllLines(Path.Combine(RepoRoot, "docs", "migration.md")).Where(l => l.StartsWith('|'))
            .ToList();
        var commands = table.Select(l => l.Split('|')).Where(cells => cells.Length > 5)
            .Where(cells => !cells[5].Contains("(v0.9.0 tree)"))
            .SelectMany(cells => Regex.Matches(cells[3], @"`(\./build\.sh [^`]+)`")
                .Select(m => m.Groups[1].Value)).Distinct().ToList();
        commands.Count.ShouldBeGreaterThan(20);
        foreach (var command in commands)
        {
            var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
            var separator = words.IndexOf("--");
            List<string> args = separator < 0 ? [.. words, "--tvm-home", Fixture, "--dry-run"] : [.. words[..separator],
                "--tvm-home", Fixture, "--dry-run", .. words[separator..]];
            var result = Run(args.ToArray(), new FakeDocker().Environment());
            result.ExitCode.ShouldBe(0, $"{command}\n{result}");
        }
    }
}
