using System.Text.RegularExpressions;
using TvmBuild.Engine;

namespace TvmBuild.Lint;

/// <summary>Questions asked before a linter's tool runs: whether what it needs is there, and which version it
/// is.</summary>
public static partial class ToolChecks
{
    /// <summary>The first unmet need of the tool, if any. In docker mode the image is asked, never this machine: the
    /// tool runs there. On this machine a command the lint shims provide (PATH's first folder) counts as
    /// found.</summary>
    public static async Task<string?> Missing(ProcessRunner runner, ToolAction tool, AbsolutePath root, string python)
    {
        var shims = tool.Environment?.GetValueOrDefault("PATH")?.Split(':')[0];
        async Task<bool> Succeeds(string executable, params string[] args) =>
            (await runner.ProbeAsync(new Command(executable, args, root), RunOptions.MayFail)).ExitCode == 0;
        foreach (var need in tool.Needs ?? [])
        {
            var (kind, name) = (need.Split(':', 2)[0], need.Split(':', 2)[1]);
            var met = kind switch
            {
                "command" when runner.InContainer => await Succeeds("sh", "-c", "command -v \"$0\"", name),
                "command" => ToolResolver.TryFind(name) is not null || File.Exists(Path.Combine(shims ?? "", name)),
                "file" when runner.InContainer => await Succeeds("test", "-e", name),
                "file" => File.Exists(Path.IsPathRooted(name) ? name : Path.Combine(root, name)),
                _ => await Succeeds(python, "-c", $"import {name}"),
            };
            if (!met) return need;
        }
        return null;
    }

    /// <summary>The tool's version, and the tree's pin beside it when they differ.</summary>
    public static async Task<string?> Version(ProcessRunner runner, string executable, ToolAction tool,
        AbsolutePath root)
    {
        if (tool.VersionArgs is null) return PinOnly(tool);
        var environment = tool.Environment?.ToDictionary(p => p.Key, p => (string?)p.Value);
        var probe = new Command(executable, tool.VersionArgs, root, environment);
        var result = await runner.ProbeAsync(probe, RunOptions.MayFail);
        var used = VersionNumber().Match(result.Output).Value;
        if (used == "") return PinOnly(tool);
        return tool.Pinned is null || tool.Pinned == used ? used : $"{used} (pin {tool.Pinned})";
    }

    /// <summary>What the Version column says when the tool did not answer: the pin alone.</summary>
    public static string? PinOnly(ToolAction tool) => tool.Pinned is { } pin ? $"pin {pin}" : null;

    [GeneratedRegex(@"\d+\.\d+(\.\d+)?")]
    private static partial Regex VersionNumber();
}
