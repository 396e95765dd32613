using System.Text.RegularExpressions;
using TvmBuild.Engine;
using TvmBuild.Tvm;

namespace TvmBuild.Lint;

/// <summary>The linter versions a tree pins (pre-commit's <c>rev:</c>s on main; the pip pins of ci_lint's Dockerfile
/// and clang-format-10 at v0.9.0) and the versions this machine has, for Doctor to put side by side.</summary>
public static partial class LintPins
{
    public sealed record Pin(string Tool, string Version);

    /// <param name="linters">The tree's linter ids: a pip pin of anything else (jinja2) is not a linter's.</param>
    public static List<Pin> Read(AbsolutePath tvm, LintPinSource source, IReadOnlyCollection<string> linters)
    {
        var file = tvm / source.File;
        var pins = new List<Pin>();
        if (file.FileExists())
        {
            if (source.Format == LintPinFormat.PreCommit)
                pins.AddRange(PreCommitConfig.Load(file).Repos.Where(r => r.Rev is not null && r.Repo != "local")
                    .Select(r => new Pin(r.Repo.TrimEnd('/').Split('/')[^1].Replace("-pre-commit", "").Replace("mirrors-", ""),
                        r.Rev!.TrimStart('v'))));
            else
                pins.AddRange(PipPin().Matches(file.ReadAllText()).Select(m => new Pin(m.Groups[1].Value, m.Groups[2].Value))
                    .Where(p => linters.Contains(p.Tool)));
        }
        pins.AddRange(source.Also.Select(a => new Pin(a.Key, a.Value)));
        return pins.Where(p => p.Tool != "pre-commit-hooks").ToList(); // tvm-build's own C# checks
    }

    /// <summary>The version of a pinned tool here: its command, or the npm build in dev/lint (ruff, taplo).</summary>
    public static string? Found(Pin pin, AbsolutePath root, ProcessRunner runner, string python)
    {
        string? Npm(string package) => (root / "dev" / "lint" / "node_modules" / package / "package.json") is var json && json.FileExists()
            && Regex.Match(json.ReadAllText(), "\"version\"\\s*:\\s*\"([^\"]+)\"") is { Success: true } m ? $"{m.Groups[1].Value} (npm {package})" : null;
        string? Run(string tool, params string[] args) => ToolResolver.TryFind(tool) is { } path
            && runner.Probe(new Command(path, args), RunOptions.MayFail) is { ExitCode: 0 } r && Version().Match(r.Output) is { Success: true } v
            ? $"{v.Value} ({tool})" : null;
        return pin.Tool switch
        {
            "ruff" => Npm("@astral-sh/ruff-wasm-nodejs") ?? Run("ruff", "--version"),
            "taplo" => Npm("@taplo/cli") ?? Run("taplo", "--version"),
            "clang-format" => Enumerable.Range(10, 12).Reverse().Select(v => Run($"clang-format-{v}", "--version")).FirstOrDefault(v => v is not null)
                ?? Run("clang-format", "--version"),
            "black" or "flake8" or "mypy" or "pylint" or "cpplint" => Run(python, "-m", pin.Tool, "--version"),
            _ => Run(pin.Tool, "--version"),
        };
    }

    /// <summary>Same major.minor as the pin (a patch release formats the same).</summary>
    public static bool Matches(Pin pin, string found) =>
        Version().Match(found) is { Success: true } v && string.Join('.', v.Value.Split('.').Take(2)) == string.Join('.', pin.Version.Split('.').Take(2));

    [GeneratedRegex(@"\b([A-Za-z][A-Za-z0-9_.-]*)==([0-9][A-Za-z0-9.]*)")]
    private static partial Regex PipPin();

    [GeneratedRegex(@"\d+\.\d+(\.\d+)?")]
    private static partial Regex Version();
}
