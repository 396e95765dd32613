using TvmBuild.Tools;

namespace TvmBuild.Lint;

/// <summary>How each hook of a tree's .pre-commit-config.yaml runs here: pre-commit-hooks' checks in C#, the tree's own
/// scripts with the lint Python, ruff and clang-format as the npm WebAssembly builds of the pinned versions, yamllint
/// from Debian. The defaults are the hooks' manifests (files, types); the config's keys win. In docker mode the
/// image's own ruff and clang-format run.</summary>
public static class PreCommitHooks
{
    private static readonly FileFilter CFamily = new(TypesOr: ["c", "c++", "cuda", "objective-c++"]);

    public static Linter For(PreCommitHook hook, PreCommitConfig config, LintTools tools)
    {
        var cSharp = tools.Pins.TryGetValue("pre-commit-hooks", out var hooks)
            ? $"C# (pre-commit-hooks {hooks})" : "C#";
        Linter Native(FileFilter defaults, Func<IReadOnlyList<LintFile>, bool, LintOutcome> run) =>
            new(hook.Id, hook.Filter(config, defaults), new NativeAction(run), hook.AlwaysRun, cSharp);
        Linter Tool(FileFilter defaults, ToolAction action) =>
            new(hook.Id, hook.Filter(config, defaults), action, hook.AlwaysRun);
        string? Pin(string tool) => tools.Pins.GetValueOrDefault(tool);
        var text = FileFilter.Text;
        var python = new FileFilter(TypesOr: ["python", "pyi", "jupyter"]);
        var inImage = tools.Runner.InContainer;
        var merging = hook.Args.Contains("--assume-in-merge");
        return hook.Id switch
        {
            "trailing-whitespace" => Native(text, NativeChecks.TrailingWhitespace),
            "end-of-file-fixer" => Native(text, NativeChecks.EndOfFile),
            "mixed-line-ending" => Native(text, (files, fix) => NativeChecks.MixedLineEnding(files, fix, hook.Args)),
            "check-merge-conflict" => Native(text,
                (files, _) => NativeChecks.MergeConflict(files, tools.TvmRoot / ".git", merging)),
            "check-case-conflict" => Native(new(),
                (files, _) => NativeChecks.CaseConflict(files, files.Select(f => f.Path))),
            "check-symlinks" => Native(new(Types: ["symlink"]), (files, _) => NativeChecks.Symlinks(files)),
            "check-added-large-files" => Native(new(), (files, _) => NativeChecks.LargeFiles(files)),
            "check-yaml" => Native(new(Types: ["yaml"]), (files, _) => NativeChecks.Yaml(files)),
            "check-toml" => Native(new(Types: ["toml"]), (files, _) => NativeChecks.Toml(files)),
            "requirements-txt-fixer" => Native(new(Files: @"(requirements|constraints).*\.txt$"),
                NativeChecks.RequirementsSorted),
            "check-asf-header" or "check-file-type" => Tool(new(), Script(hook, tools)),
            "yamllint" => Tool(new(Types: ["file", "yaml"]), new ToolAction("yamllint",
                ["-f", "parsable", .. hook.Args, "{files}"], null, Packages.Source("yamllint"), OutputParser.PathLine,
                VersionArgs: ["--version"], Pinned: Pin("yamllint"))),
            "taplo-format" => Tool(new(Types: ["toml"]), new ToolAction(tools.Taplo ?? "taplo",
                ["format", "--check", "{files}"], ["format", "{files}"],
                $"{LintTools.NpmHint} (from the tvm-build checkout)", OutputParser.Taplo, VersionArgs: ["--version"],
                Pinned: Pin("taplo"))),
            "ruff-check" when inImage => Tool(python, new ToolAction("ruff",
                ["check", "--force-exclude", "--no-fix", "--output-format=concise", "{files}"],
                ["check", "--force-exclude", "--fix", "{files}"], "the image has no ruff", OutputParser.PathLine,
                VersionArgs: ["--version"], Pinned: Pin("ruff"))),
            "ruff-format" when inImage => Tool(python, new ToolAction("ruff",
                ["format", "--force-exclude", "--check", "{files}"], ["format", "--force-exclude", "{files}"],
                "the image has no ruff", OutputParser.RuffFormat, VersionArgs: ["--version"], Pinned: Pin("ruff"))),
            "ruff-check" => Ruff(hook, config, tools, python, ["check"], ["check", "--fix"], OutputParser.PathLine),
            "ruff-format" => Ruff(hook, config, tools, python, ["format", "--check"], ["format"],
                OutputParser.PathOnly),
            "clang-format" when inImage => Tool(CFamily, new ToolAction("clang-format",
                ["--dry-run", "-Werror", .. hook.Args, "{files}"], ["-i", .. hook.Args, "{files}"],
                "the image has no clang-format", OutputParser.PathLine, VersionArgs: ["--version"],
                Pinned: Pin("clang-format"))),
            "clang-format" => ClangFormat(hook, config, tools),
            "cython-lint" or "double-quote-cython-strings" => Tool(new(Types: ["cython"]), new ToolAction(hook.Id,
                [.. hook.Args, "{files}"], null, tools.NotPackaged("cython-lint", hook.Id), OutputParser.PathLine,
                VersionArgs: ["--version"], Pinned: Pin("cython-lint"))),
            _ => Tool(new(), new ToolAction(hook.Id, ["{files}"], null,
                $"tvm-build does not know hook '{hook.Id}': run pre-commit run {hook.Id}", OutputParser.PathLine,
                Available: false)),
        };
    }

    /// <summary>ruff's WebAssembly build at the pinned version, driven by dev/lint/ruff.cjs. V8 compiles its 10 MB
    /// module with TurboFan in the background, which costs seconds per process; the baseline compiler (Liftoff) alone
    /// is 5x faster for a lint run of any size here (measured, see docs/lint.md).</summary>
    private static Linter Ruff(PreCommitHook hook, PreCommitConfig config, LintTools tools, FileFilter python,
        string[] check, string[] fix, OutputParser output)
    {
        var pin = tools.Pins.GetValueOrDefault("ruff");
        var package = pin is null || !tools.Wanted(hook.Id) ? null : tools.Npm.Get(LintProgram.Ruff.Pinned!, pin);
        string driver = tools.Root / "dev" / "lint" / "ruff.cjs";
        string[] Args(string[] mode) =>
            ["--liftoff-only", driver, "--wasm", package?.Directory is { } dir ? dir : "DIR", .. mode, "{files}"];
        var hint = pin is null ? "the tree pins no ruff version (rev: of astral-sh/ruff-pre-commit)"
            : package?.Problem ?? $"{LintTools.NpmHint} (from the tvm-build checkout)";
        var available = package is { Problem: null } && (package.Directory is not null || tools.Runner.DryRun)
            && tools.HasSmolToml;
        var action = new ToolAction("node", Args(check), Args(fix), hint, output, Available: available,
            Environment: new Dictionary<string, string> { ["NODE_PATH"] = tools.NpmModules });
        return new(hook.Id, hook.Filter(config, python), action, hook.AlwaysRun,
            package is null ? null : $"wasm {package.Version}");
    }

    /// <summary>clang-format's WebAssembly build (npm @wasm-fmt/clang-format) at the pinned version or the nearest one
    /// published: its CLI reads .clang-format and prints diagnostics as clang-format does.</summary>
    private static Linter ClangFormat(PreCommitHook hook, PreCommitConfig config, LintTools tools)
    {
        var package = tools.ClangFormatPackage;
        var cli = package?.Bin("clang-format") ?? "clang-format-cli.cjs";
        var hint = package is null ? "the tree pins no clang-format version (rev: of mirrors-clang-format)"
            : package.Problem ?? "npm install failed";
        var action = new ToolAction("node", ["--liftoff-only", cli, "--dry-run", "-Werror", .. hook.Args, "{files}"],
            ["--liftoff-only", cli, "-i", .. hook.Args, "{files}"], hint, OutputParser.PathLine,
            Available: package is { Problem: null } && (package.Directory is not null || tools.Runner.DryRun));
        return new(hook.Id, hook.Filter(config, CFamily), action, hook.AlwaysRun, tools.ClangFormatVersion);
    }

    /// <summary>A local hook of the tree (<c>entry: python tests/lint/check_asf_header.py --check</c>), run with the
    /// chosen Python.</summary>
    private static ToolAction Script(PreCommitHook hook, LintTools tools)
    {
        var words = (hook.Entry ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 0 && words[0].StartsWith("python")) words[0] = tools.Python;
        var fix = hook.Id == "check-asf-header" ? words.Select(w => w == "--check" ? "--fix" : w).ToList() : null;
        string[] files = hook.PassFilenames ? ["{files}"] : [];
        return new ToolAction(words[0], [.. words.Skip(1), .. hook.Args, .. files],
            fix is null ? null : [.. fix.Skip(1), .. hook.Args], Packages.Source("python3"), OutputParser.PathLine,
            PassFilenames: hook.PassFilenames);
    }
}
