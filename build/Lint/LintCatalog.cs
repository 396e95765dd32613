using System.Security.Cryptography;
using System.Text;
using TvmBuild.Engine;
using TvmBuild.Tvm;

namespace TvmBuild.Lint;

/// <summary>Where the linters' tools come from on this machine, and how to get a missing one.</summary>
public sealed record LintTools(AbsolutePath Root, AbsolutePath TvmRoot, string Python, ProcessRunner Runner)
{
    /// <summary>TVM's scripts call <c>python3</c> and <c>mypy</c>: a folder put first on their PATH makes those the
    /// lint Python. One folder per Python, so that two Lint runs with different ones do not rewrite each
    /// other's.</summary>
    public AbsolutePath ShimDirectory => Root / ".nuke" / "temp" / "lint-bin" / PythonKey;

    private string PythonKey => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Python)))[..12];

    public AbsolutePath NpmModules => Root / "dev" / "lint" / "node_modules";
    public string? Taplo => ToolResolver.TryFind("taplo") ?? ((NpmModules / ".bin" / "taplo").FileExists() ? (string)(NpmModules / ".bin" / "taplo") : null);
    public string? ClangFormat => Runner.InContainer ? "clang-format" : Enumerable.Range(14, 8).Reverse().Select(v => $"clang-format-{v}").Append("clang-format").Select(ToolResolver.TryFind).FirstOrDefault(t => t is not null);
    public bool HasRuff => ToolResolver.TryFind("node") is not null && (NpmModules / "@astral-sh" / "ruff-wasm-nodejs").DirectoryExists();
    public const string NpmHint = "npm install --prefix dev/lint";
}

/// <summary>The linters of a tree, read from it: on main each hook of .pre-commit-config.yaml; on v0.9.0 the steps of
/// tests/scripts/task_lint.sh. Linter ids are the hook ids where there is one.</summary>
public static class LintCatalog
{
    public static List<Linter> For(LintSource source, LintTools tools) => source switch
    {
        LintSource.TaskLint => TaskLint(tools),
        _ => PreCommit(tools),
    };

    private static List<Linter> PreCommit(LintTools tools)
    {
        var file = tools.TvmRoot / ".pre-commit-config.yaml";
        if (!file.FileExists()) throw new BuildFailure($"{tools.TvmRoot} has no .pre-commit-config.yaml.", "This layout lints with pre-commit's hooks; check --tvm-home.");
        var config = PreCommitConfig.Load(file);
        var gitDirectory = tools.TvmRoot / ".git";
        return config.Hooks.Select(hook => Hook(hook, config, tools, gitDirectory)).ToList();
    }

    private static Linter Hook(PreCommitHook hook, PreCommitConfig config, LintTools tools, AbsolutePath gitDirectory)
    {
        Linter Native(FileFilter defaults, Func<IReadOnlyList<LintFile>, bool, LintOutcome> run) => new(hook.Id, hook.Filter(config, defaults), new NativeAction(run));
        Linter Tool(FileFilter defaults, ToolAction action) => new(hook.Id, hook.Filter(config, defaults), action);
        var text = FileFilter.Text;
        var yaml = new FileFilter(Types: ["yaml"]);
        var python = new FileFilter(TypesOr: ["python", "pyi"]);
        string? Config(string name) => (tools.TvmRoot / name).FileExists() ? name : null;
        return hook.Id switch
        {
            "trailing-whitespace" => Native(text, NativeChecks.TrailingWhitespace),
            "end-of-file-fixer" => Native(text, NativeChecks.EndOfFile),
            "mixed-line-ending" => Native(text, (files, fix) => NativeChecks.MixedLineEnding(files, fix, hook.Args)),
            "check-merge-conflict" => Native(text, (files, _) => NativeChecks.MergeConflict(files, gitDirectory, hook.Args.Contains("--assume-in-merge"))),
            "check-case-conflict" => Native(new(), (files, _) => NativeChecks.CaseConflict(files, files.Select(f => f.Path))),
            "check-symlinks" => Native(new(Types: ["symlink"]), (files, _) => NativeChecks.Symlinks(files)),
            "check-added-large-files" => Native(new(), (files, _) => NativeChecks.LargeFiles(files)),
            "check-yaml" => Native(yaml, (files, _) => NativeChecks.Yaml(files)),
            "check-toml" => Native(new(Types: ["toml"]), (files, _) => NativeChecks.Toml(files)),
            "requirements-txt-fixer" => Native(new(Files: @"(requirements|constraints).*\.txt$"), NativeChecks.RequirementsSorted),
            "check-asf-header" or "check-file-type" => Tool(new(), Script(hook, tools)),
            "yamllint" => Tool(new(Types: ["file", "yaml"]), new ToolAction("yamllint", ["-f", "parsable", .. hook.Args, "{files}"], null,
                "apt-get install yamllint", OutputParser.PathLine)),
            "taplo-format" => Tool(new(Types: ["toml"]), new ToolAction(tools.Taplo ?? "taplo", ["format", "--check", "{files}"], ["format", "{files}"],
                TvmBuildHint(LintTools.NpmHint), OutputParser.Taplo)),
            // In a container (--docker ci_lint) the image's own ruff and taplo run; on the host, ruff's WebAssembly build.
            "ruff-check" when tools.Runner.InContainer => Tool(python, new ToolAction("ruff", ["check", "--no-fix", "--output-format=concise", "{files}"],
                ["check", "--fix", "{files}"], "the image has no ruff", OutputParser.PathLine)),
            "ruff-format" when tools.Runner.InContainer => Tool(python, new ToolAction("ruff", ["format", "--check", "{files}"], ["format", "{files}"],
                "the image has no ruff", OutputParser.RuffFormat)),
            "ruff-check" => Tool(python, new ToolAction(tools.HasRuff ? "node" : "ruff", ["--liftoff-only", Driver(tools), "check", .. ConfigArgs(Config("pyproject.toml")), "{files}"],
                ["--liftoff-only", Driver(tools), "check", "--fix", .. ConfigArgs(Config("pyproject.toml")), "{files}"], TvmBuildHint(LintTools.NpmHint), OutputParser.PathLine,
                Environment: new Dictionary<string, string> { ["NODE_PATH"] = tools.NpmModules }, Available: tools.HasRuff)),
            "ruff-format" => Tool(python, new ToolAction(tools.HasRuff ? "node" : "ruff", ["--liftoff-only", Driver(tools), "format", "--check", .. ConfigArgs(Config("pyproject.toml")), "{files}"],
                ["--liftoff-only", Driver(tools), "format", .. ConfigArgs(Config("pyproject.toml")), "{files}"], TvmBuildHint(LintTools.NpmHint), OutputParser.PathOnly,
                Environment: new Dictionary<string, string> { ["NODE_PATH"] = tools.NpmModules }, Available: tools.HasRuff)),
            "clang-format" => Tool(new(TypesOr: ["c", "c++", "cuda", "objective-c++"]), new ToolAction(tools.ClangFormat ?? "clang-format",
                ["--dry-run", "-Werror", "{files}"], ["-i", "{files}"], "apt-get install clang-format-19 (TVM pins clang-format 20)", OutputParser.PathLine)),
            "cython-lint" or "double-quote-cython-strings" => Tool(new(Types: ["cython"]), new ToolAction("cython-lint", ["--max-line-length=120", "{files}"], null,
                "cython-lint is not packaged for Debian or npm: run Lint with --docker ci_lint", OutputParser.PathLine)),
            _ => Tool(new(), new ToolAction(hook.Id, ["{files}"], null, $"tvm-build does not know hook '{hook.Id}': run pre-commit with --docker ci_lint", OutputParser.PathLine, Available: false)),
        };
    }

    /// <summary>A local hook of the tree (<c>entry: python tests/lint/check_asf_header.py --check</c>), run with the chosen Python.</summary>
    private static ToolAction Script(PreCommitHook hook, LintTools tools)
    {
        var words = (hook.Entry ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 0 && words[0].StartsWith("python")) words[0] = tools.Python;
        var fix = hook.Id == "check-asf-header" ? words.Select(w => w == "--check" ? "--fix" : w).ToList() : null;
        return new ToolAction(words[0], [.. words.Skip(1), .. hook.Args, .. hook.PassFilenames ? ["{files}"] : Array.Empty<string>()],
            fix is null ? null : [.. fix.Skip(1), .. hook.Args], "apt-get install python3", OutputParser.PathLine, PassFilenames: hook.PassFilenames);
    }

    /// <summary>v0.9.0: the steps of tests/scripts/task_lint.sh, each TVM's own script over the whole tree.</summary>
    private static List<Linter> TaskLint(LintTools tools)
    {
        var path = new Dictionary<string, string> { ["PATH"] = $"{tools.ShimDirectory}:{Environment.GetEnvironmentVariable("PATH")}" };
        Linter Step(string id, string[] check, string[]? fix, string hint, params string[] needs) =>
            new(id, new FileFilter(), new ToolAction("bash", check, fix, hint, OutputParser.PathLine, PassFilenames: false, Environment: path, Needs: needs));
        const string dmlc = "file:3rdparty/dmlc-core/scripts/lint.py";
        const string submodule = "git submodule update --init 3rdparty/dmlc-core, and apt-get install cpplint";
        return
        [
            Step("file-type", ["-c", "python3 tests/lint/check_file_type.py"], null, "apt-get install python3"),
            Step("cmake-options", ["-c", "python3 tests/lint/check_cmake_options.py"], null, "apt-get install python3"),
            Step("black", ["tests/lint/git-black.sh"], ["tests/lint/git-black.sh", "-i", "--rev", "origin/main"], "apt-get install black", "module:black"),
            Step("flake8", ["tests/lint/flake8.sh"], null, "apt-get install flake8", "module:flake8"),
            Step("mypy", ["tests/scripts/task_mypy.sh"], null, "apt-get install python3-mypy", "module:mypy"),
            Step("blocklint", ["tests/lint/blocklint.sh"], null, "blocklint is not packaged for Debian: run with --docker ci_lint", "command:blocklint"),
            Step("jnilint", ["tests/lint/jnilint.sh"], null, submodule, dmlc, "module:cpplint"),
            Step("pylint", ["tests/lint/pylint.sh"], null, "apt-get install pylint", "module:pylint"),
            Step("cppdocs", ["tests/lint/cppdocs.sh"], null, "apt-get install doxygen", "command:doxygen"),
            Step("asf-header", ["tests/lint/check_asf_header.sh", "--local"], ["tests/lint/check_asf_header.sh", "--local", "--fix"],
                "needs Java and Apache RAT (/bin/apache-rat.jar, as in ci_lint): run with --docker ci_lint", "command:java", "file:/bin/apache-rat.jar"),
            Step("cpplint", ["tests/lint/cpplint.sh"], null, submodule, dmlc, "module:cpplint"),
            Step("clang-format", ["tests/lint/git-clang-format.sh"], ["tests/lint/git-clang-format.sh", "-i", "--rev", "origin/main"],
                "apt-get install clang-format-19 (TVM 0.9 pins clang-format-10)", "command:clang-format"),
            Step("rust-format", ["tests/lint/rust_format.sh"], null, "apt-get install cargo rustfmt"),
            Step("docker-format", ["tests/lint/docker-format.sh"], null, "apt-get install bash"),
        ];
    }

    // V8 compiles ruff's 10 MB of WebAssembly with TurboFan in the background, which costs seconds per process; its
    // baseline compiler (Liftoff) alone is 5x faster for a lint run of any size here (measured, see docs/lint.md).
    private static string Driver(LintTools tools) => tools.Root / "dev" / "lint" / "ruff.cjs";
    private static string[] ConfigArgs(string? config) => config is null ? [] : ["--config", config];
    private static string TvmBuildHint(string install) => $"{install} (from the tvm-build checkout)";
}
