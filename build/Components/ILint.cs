using Serilog;
using Spectre.Console;
using TvmBuild.Engine;
using TvmBuild.Lint;
using TvmBuild.Tools;

/// <summary>TVM's linters as the tree defines them (pre-commit hooks on main, task_lint.sh's steps on v0.9.0), on the
/// files a contributor changed or on the whole tree, in parallel, with --fix.</summary>
interface ILint : IHazChanges, IHazStepInputs
{
    [Parameter("Lint: only these linters (hook ids, comma- or space-separated).", For = [nameof(Lint)])]
    string[] Linters => TryGetValue(() => Linters) ?? [];

    [Parameter("Lint: all linters but these.", For = [nameof(Lint)])]
    string[] SkipLinters => TryGetValue(() => SkipLinters) ?? [];

    [Parameter("Lint: apply the formatters and fixers (clang-format -i, ruff, whitespace, end of file...) and report " +
               "what changed.",
        For = [nameof(Lint)])]
    bool Fix => TryGetValue<bool?>(() => Fix) ?? false;

    [Parameter("Lint: only the files staged for commit, as staged (what the git hook checks); their unstaged " +
               "changes are set aside meanwhile.", For = [nameof(Lint)])]
    bool Staged => TryGetValue<bool?>(() => Staged) ?? false;

    [Parameter("Lint: a linter whose tool is missing fails the build instead of being skipped (the default under CI).",
        For = [nameof(Lint)])]
    bool? Strict => TryGetValue(() => Strict);

    Target Lint => _ => _
        .Description("Runs TVM's linters (the tree's pre-commit hooks, or task_lint.sh at v0.9.0) " +
                     "on changed files or --all")
        .Needs([Requirements.Git, Requirements.Node, Requirements.Npm, .. Requirements.LintPrograms,
            Requirements.NpmTool(RootDirectory, LintProgram.Taplo),
            Requirements.NpmTool(RootDirectory, "smol-toml", "ruff's settings reader (smol-toml)")])
        .Inputs(() => LintInputs)
        .Executes(async () =>
        {
            if (Staged && (All || Changed || BaseRef is not null))
                throw new BuildFailure("--staged lints what is being committed: it goes with none of --all, " +
                    "--changed, --base.", "Give one of them.");
            var python = Python
                ?? (File.Exists("/usr/bin/python3") && !Runner.InContainer ? "/usr/bin/python3" : "python3");
            var scope = LintScopeChosen;
            var selection = LintFiles.Choose(Runner, TvmRoot, scope, BaseRef);
            var tools = new LintTools(RootDirectory, TvmRoot, python, Runner, HasCiLintImage)
            {
                Base = selection.Base, Wanted = Wanted,
            };
            tools.InstallNpmTools();
            var linters = Choose(LintCatalog.For(Layout, tools));
            WriteShims(tools);
            // --staged: the files are described and linted as staged; the unstaged changes come back however this ends.
            using var staged = scope == LintScope.Staged ? SetAsideUnstaged(selection) : null;
            var files = LintFiles.Describe(TvmRoot, selection);
            Log.Information("Linting {Description}: {Files} files, {Linters} linters",
                selection.Description, files.Count, linters.Count);
            // --dry-run: prints what would run
            Report(await LintRunner.Run(Runner, linters, files, TvmRoot, python, Fix));
        });

    LintScope LintScopeChosen => Staged ? LintScope.Staged
        : All || (!Changed && IsServerBuild) ? LintScope.All : LintScope.Changed;

    /// <summary>Lint's key: every file of the tree (build folders left out), the linters chosen, the scope and the
    /// commit it compares with, tvm-build's lint helpers (dev/lint) and the host's lint tools. --fix (it writes) and
    /// --staged (it reads git's index) are never reused.</summary>
    StepInputs? LintInputs
    {
        get
        {
            if (Fix || Staged) return null;
            var inputs = StepInputsOf(["."], [],
                ("linters", string.Join(",", Linters)), ("skip linters", string.Join(",", SkipLinters)),
                ("scope", LintScopeChosen.ToString()),
                ("base", LintScopeChosen == LintScope.Changed ? LintFiles.BaseCommit(Runner, TvmRoot, BaseRef) : null),
                ("dev/lint", InputHashing.Of(RootDirectory / "dev" / "lint", ["."], ["node_modules"])[0].Digest),
                ("tools", Runner.InContainer ? null : string.Join("; ", LintToolNames.Select(ToolStamp))));
            return inputs with { Excludes = ["build*"] };
        }
    }

    /// <summary>The host commands the linters run (their stamps key Lint).</summary>
    static readonly string[] LintToolNames =
        ["python3", "node", "java", "git", .. LintProgram.All.SelectMany(p => p.Commands)];

    Target InstallHooks => _ => _
        .Description("Installs a git pre-commit hook in the TVM tree that runs Lint --staged on each commit")
        .Needs(Requirements.Git)
        .Executes(() =>
        {
            var git = ToolResolver.Find("git", Packages.Hint("git"));
            var hooks = Runner.OnHost.Probe(new Command(git, ["rev-parse", "--git-path", "hooks"], TvmRoot),
                RunOptions.MayFail);
            if (hooks.ExitCode != 0)
                throw new BuildFailure($"{TvmRoot} is not a git checkout.",
                    "Hooks need a git tree; clone TVM with Checkout.");
            var directory = AbsolutePath.Create(Path.GetFullPath(hooks.Output.Trim(), TvmRoot));
            var hook = directory / "pre-commit";
            var text = (RootDirectory / "dev" / "git-hooks" / "pre-commit").ReadAllText()
                .Replace("@BUILD@", Command.Quote(RootDirectory / "build.sh")).Replace("@TVM@", Command.Quote(TvmRoot));
            if (Runner.DryRun) { Console.Out.WriteLine($"# would write {hook}"); return; }
            if (hook.FileExists() && !hook.ReadAllText().Contains("tvm-build pre-commit hook"))
            {
                File.Move(hook, hook + ".before-tvm-build", overwrite: true);
                Log.Warning("Moved the existing hook to {Backup}", hook + ".before-tvm-build");
            }
            hook.WriteAllTextAtomically(text);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(hook, (UnixFileMode)0b111_101_101);
            Log.Information("Installed {Hook}: each commit runs Lint --staged (skip once with git commit --no-verify)",
                hook);
        });

    /// <summary>--staged: the staged files that have unstaged changes get their staged content while Lint
    /// runs.</summary>
    StagedContent? SetAsideUnstaged(LintSelection selection)
    {
        var unstaged = StagedContent.WithUnstagedChanges(TvmRoot, selection.Paths);
        if (unstaged.Count == 0) return null;
        if (!Runner.DryRun) return StagedContent.SetAside(TvmRoot, unstaged);
        Console.Out.WriteLine($"# would save the unstaged changes of {StagedContent.Count(unstaged)} to " +
                              $"{StagedContent.NewPatchFile(TvmRoot)} and check out their staged content");
        return null;
    }

    /// <summary>TVM's lint scripts call python3 and mypy by name; these make them the lint Python's. The Python is one
    /// shell word, quoted: a path with a space stays one, and a ';' in it runs nothing.</summary>
    void WriteShims(LintTools tools)
    {
        if (OperatingSystem.IsWindows()) return;
        if (Runner.InContainer || Runner.DryRun) return;
        tools.ShimDirectory.CreateDirectory();
        var python = Command.Quote(tools.Python);
        (tools.ShimDirectory / "python3").WriteAllTextAtomically($"#!/bin/sh\nexec {python} \"$@\"\n");
        (tools.ShimDirectory / "mypy").WriteAllTextAtomically($"#!/bin/sh\nexec {python} -m mypy \"$@\"\n");
        var shims = new List<string> { "python3", "mypy" };
        if (Layout.Lint == TvmBuild.Tvm.LintSource.TaskLint && tools.ClangFormatPackage is { } clang
            && clang.Bin("clang-format") is { } cli && clang.Bin("git-clang-format") is { } git)
        {
            // v0.9.0's git-clang-format.sh: the pinned clang-format's nearest WebAssembly build, and its
            // git-clang-format.
            var node = Command.Quote(ToolResolver.TryFind("node") ?? "node");
            (tools.ShimDirectory / "clang-format").WriteAllTextAtomically(
                $"#!/bin/sh\nexec {node} --liftoff-only {Command.Quote(cli)} \"$@\"\n");
            (tools.ShimDirectory / "git-clang-format").WriteAllTextAtomically(
                $"#!/bin/sh\nexec {python} {Command.Quote(git)} \"$@\"\n");
            shims.AddRange(["clang-format", "git-clang-format"]);
        }
        foreach (var shim in shims)
            File.SetUnixFileMode(tools.ShimDirectory / shim,
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }

    /// <summary>Whether this tree's CI names a ci_lint image (v0.9.0 does; main lints with pre-commit, no
    /// image).</summary>
    bool HasCiLintImage =>
        (TvmRoot / Layout.Images.File) is var table && table.FileExists() && table.ReadAllText().Contains("ci_lint");

    static string[] Split(string[] values) =>
        values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToArray();

    /// <summary>Whether --linters/--skip-linters keep a linter: a pinned npm tool is installed only for one that
    /// runs.</summary>
    bool Wanted(string id) => (Split(Linters) is var only && (only.Length == 0 || only.Contains(id)))
        && !Split(SkipLinters).Contains(id);

    List<Linter> Choose(List<Linter> available)
    {
        var ids = available.Select(l => l.Id).Distinct().ToList();
        foreach (var name in Split(Linters).Concat(Split(SkipLinters)).Where(n => !ids.Contains(n)))
            throw new BuildFailure($"Unknown linter '{name}' for the {Layout.Name} layout.",
                $"{ExecutionPlanner.DidYouMean(name, ids)}Linters: {string.Join(", ", ids)}.");
        var only = Split(Linters);
        var skip = Split(SkipLinters);
        return available.Where(l => (only.Length == 0 || only.Contains(l.Id)) && !skip.Contains(l.Id)).ToList();
    }

    void Report(List<LintResult> results)
    {
        foreach (var problem in results.SelectMany(r => r.Outcome.Problems)
                     .OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line))
        {
            Console.Out.WriteLine(problem.ToString());
            if (Host is GitHubActionsHost)
                Console.Out.WriteLine(problem.Path == "" ? $"::error title={problem.Linter}::{problem.Message}"
                    : $"::error file={problem.Path},line={problem.Line},col={problem.Column}::" +
                      $"{problem.Linter}: {problem.Message}");
        }
        foreach (var result in results.Where(r => r.Outcome.Fixed.Count > 0))
            foreach (var file in result.Outcome.Fixed)
                Log.Information("Fixed {File} ({Linter})", file, result.Linter.Id);

        var table = Tables.Create("Linter", "Files", "Problems", "Time", "Version", "Status");
        foreach (var column in new[] { 1, 2, 3 }) table.Columns[column].RightAligned();
        foreach (var r in results)
        {
            var status = r.Status switch
            {
                LintStatus.Missing => $"skipped: {r.Detail}",
                LintStatus.Crashed => $"crashed: {r.Detail}",
                LintStatus.Fixed => $"fixed {r.Outcome.Fixed.Count} files",
                LintStatus.NoFiles => "no files",
                LintStatus.DryRun => "dry run",
                _ => r.Outcome.Problems.Count == 0 ? "ok" : "problems",
            } + (r.Detail is { } note && r.Status is LintStatus.Passed or LintStatus.Problems or LintStatus.Fixed
                ? $" ({note})" : "");
            table.AddRow(Tables.Cells(r.Linter.Id, r.Files.ToString(), r.Outcome.Problems.Count.ToString(),
                $"{r.Duration.TotalSeconds:0.00}s", r.Version ?? "", status));
        }
        foreach (var line in Tables.Render(table, plain: !Host.IsInteractive).Split('\n'))
            Log.Information("{Row}", line);
        // A version the tree pins but this machine runs another of is named, never silently swapped.
        var differing = results.Where(r => r.Version?.Contains("pin ") == true && !r.Version.StartsWith("pin "))
            .Select(r => $"{r.Linter.Id} {r.Version}").Distinct().ToList();
        foreach (var line in differing) Log.Warning("Not the pinned version: {Linter}", line);

        var strict = Strict ?? IsServerBuild;
        var missing = results.Where(r => r.Status == LintStatus.Missing).Select(r => r.Linter.Id).ToList();
        var problems = results.Sum(r => r.Outcome.Problems.Count);
        var crashed = results.Where(r => r.Status == LintStatus.Crashed).Select(r => r.Linter.Id).ToList();
        var fixedCount = results.SelectMany(r => r.Outcome.Fixed).Distinct().Count();
        ReportSummary("Lint", $"{problems} problems, {fixedCount} files fixed, {missing.Count} linters skipped" +
            (differing.Count > 0 ? $"; not the pinned version: {string.Join(", ", differing)}" : ""));
        if (crashed.Count > 0)
            throw new BuildFailure($"Linters crashed: {string.Join(", ", crashed)} (their output is above).");
        if (problems > 0)
            throw new BuildFailure($"Lint found {problems} problems.",
                "Fix them, or run with --fix for the formatters and fixers.");
        if (strict && missing.Count > 0 && !Runner.DryRun)
            throw new BuildFailure($"Linters without their tool: {string.Join(", ", missing)} (--strict).",
                HasCiLintImage ? "Install what the table says, or run with --docker ci_lint."
                    : "Install what the table says.");
    }
}
