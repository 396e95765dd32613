using System.Text.RegularExpressions;
using TvmBuild.Engine;
using TvmBuild.Tools;
using TvmBuild.Tvm;

namespace TvmBuild.Lint;

/// <summary>The linter versions a tree pins: on main the <c>rev:</c> of each hook repository in
/// .pre-commit-config.yaml, at v0.9.0 the ci_lint image's install lines (<c>pip3 install black==22.3.0</c>,
/// <c>clang-format-10</c>), from the files layouts.yaml names. Keys are tool names (ruff, clang-format,
/// black...); which repository pins which tool is LintProgram's.</summary>
public static partial class LintPins
{
    public static Dictionary<string, string> Read(AbsolutePath tvm, Layout layout, PreCommitConfig? config)
    {
        var pins = new Dictionary<string, string>();
        foreach (var repo in config?.Repos ?? [])
        {
            var tool = LintProgram.All.FirstOrDefault(p => p.PreCommitRepo is { } pinning
                && repo.Repo.TrimEnd('/').EndsWith(pinning))?.Name;
            if (repo.Rev is { } rev && tool is not null) pins[tool] = rev.TrimStart('v');
        }
        foreach (var file in layout.LintPins.Select(f => tvm / f).Where(f => f.FileExists()))
        {
            var text = file.ReadAllText();
            foreach (Match m in PipPin().Matches(text))
                pins.TryAdd(m.Groups["name"].Value.ToLowerInvariant(), m.Groups["version"].Value);
            if (ClangFormatPackage().Match(text) is { Success: true } clang)
                pins.TryAdd("clang-format", clang.Groups[1].Value);
        }
        return pins;
    }

    [GeneratedRegex(@"(?<![\w.-])(?<name>[A-Za-z][\w.-]*)==(?<version>\d[\w.]*)")]
    private static partial Regex PipPin();

    [GeneratedRegex(@"install[^\n]*\bclang-format-(\d+)")]
    private static partial Regex ClangFormatPackage();
}
