using System.Security.Cryptography;
using System.Text;
using TvmBuild.Engine;
using TvmBuild.Tools;

namespace TvmBuild.Lint;

/// <summary>Where the linters' tools come from on this machine, and how to get a missing one.</summary>
public sealed record LintTools(AbsolutePath Root, AbsolutePath TvmRoot, string Python, ProcessRunner Runner,
    bool HasCiLintImage)
{
    /// <summary>The versions the tree pins (<see cref="LintPins"/>), filled in by the catalog.</summary>
    public Dictionary<string, string> Pins { get; set; } = [];
    public PinnedNpm Npm { get; } = new(Runner);
    /// <summary>Changed-files mode: the commit compared with (v0.9.0's git-* scripts get it as --rev); null with
    /// --all.</summary>
    public string? Base { get; init; }
    /// <summary>Whether a linter id was chosen (--linters, --skip-linters): pinned tools install only for
    /// those.</summary>
    public Func<string, bool> Wanted { get; init; } = _ => true;

    /// <summary>clang-format's npm WebAssembly build nearest to the pinned version. Only builds from 19.1.3 on carry
    /// clang-format's own command line (clang-format-cli.cjs: --dry-run, -lines, .clang-format lookup), which the hook
    /// and v0.9.0's git-clang-format.sh (through the lint shims) need; 18.x has a reduced one.</summary>
    public PinnedPackage? ClangFormatPackage => Runner.InContainer || !Wanted("clang-format") ? null
        : Pins.TryGetValue("clang-format", out var pin)
            ? Npm.Get(LintProgram.ClangFormat.Pinned!, pin, minimum: "19.1.3") : null;
    public string? ClangFormatVersion => ClangFormatPackage is { } p ? $"wasm {p.Version}" : null;
    public string ClangFormatHint =>
        ClangFormatPackage?.Problem ?? "apt-get install clang-format (the script wants clang-format-10)";
    public bool HasSmolToml => (NpmModules / "smol-toml").DirectoryExists();

    /// <summary>TVM's scripts call <c>python3</c> and <c>mypy</c>: a folder put first on their PATH makes those the
    /// lint Python. One folder per Python, so that two Lint runs with different ones do not rewrite each
    /// other's.</summary>
    public AbsolutePath ShimDirectory => Root / ".nuke" / "temp" / "lint-bin" / PythonKey;

    private string PythonKey => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Python)))[..12];

    public AbsolutePath NpmModules => Root / "dev" / "lint" / "node_modules";
    public string? Taplo => ToolResolver.TryFind("taplo")
        ?? ((NpmModules / ".bin" / "taplo").FileExists() ? (string)(NpmModules / ".bin" / "taplo") : null);
    public const string NpmHint = "npm install --prefix dev/lint";

    /// <summary>dev/lint's npm tools, pinned by its package-lock.json, installed on first use (a fresh CI runner has
    /// only .NET and node); a failed install is a warning: the linters that need them say so.</summary>
    public void InstallNpmTools()
    {
        var folder = Root / "dev" / "lint";
        using var manifest = System.Text.Json.JsonDocument.Parse((folder / "package.json").ReadAllText());
        var missing = manifest.RootElement.GetProperty("dependencies").EnumerateObject().Select(p => p.Name)
            .Where(p => !(NpmModules / p / "package.json").FileExists()).ToList();
        if (missing.Count == 0 || Runner.DryRun) return;
        if (Runner.OnHost.TryFind("npm") is not { } npm)
        {
            Serilog.Log.Warning("dev/lint's npm tools are missing ({Missing}) and so is npm: apt-get install npm",
                string.Join(", ", missing));
            return;
        }
        Serilog.Log.Information("Installing dev/lint's pinned npm tools ({Missing}): their first use",
            string.Join(", ", missing));
        var install = new Command(npm, ["ci", "--prefix", folder, "--no-audit", "--no-fund"]);
        var result = Runner.OnHost.Run(install, new RunOptions { AllowFailure = true, Quiet = true });
        if (result.ExitCode != 0)
            Serilog.Log.Warning("npm ci --prefix dev/lint failed (exit code {Code}): {Output}", result.ExitCode,
                result.Output.Trim().Split('\n').LastOrDefault());
    }

    /// <summary>What to do about a linter no package here serves: the image on a tree that has one, else the hook's own
    /// way (pre-commit installs it from PyPI).</summary>
    public string NotPackaged(string tool, string hook)
    {
        var pin = Pins.TryGetValue(tool, out var v) ? "==" + v : "";
        return $"{tool} is not packaged for Debian or npm: " + (HasCiLintImage ? "run Lint with --docker ci_lint"
            : $"pip install {tool}{pin}, or pre-commit run {hook} --all-files");
    }
}
