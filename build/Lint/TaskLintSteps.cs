using TvmBuild.Engine;
using TvmBuild.Tools;

namespace TvmBuild.Lint;

/// <summary>The steps of tests/scripts/task_lint.sh (v0.9.0 to v0.23.0; which ones the tree's script runs:
/// <see cref="TaskLintScript"/>). With --all each is TVM's own script over the whole tree, as CI ran them.
/// With changed files each gets only those (the same tool and flags as its script), or for the git-* scripts the
/// revision --base; a whole-tree step runs only when a file it reads changed, and keeps the findings in the changed
/// files. The flags and paths below are the scripts' own (tests/lint/*.sh at v0.9.0).</summary>
public static class TaskLintSteps
{
    private const string Dmlc = "file:3rdparty/dmlc-core/scripts/lint.py";
    private const string MypyPaths = @"^(python/tvm/tir/(schedule|analysis|transform)/|python/tvm/meta_schedule/|" +
        @"python/tvm/relay/op/contrib/|tests/python/unittest/test_tvmscript_type\.py$)";
    private const string PylintPaths = @"^(python/tvm/|vta/python/vta/|tests/python/contrib/test_cmsisnn/|" +
        @"tests/python/relay/aot/[^/]*\.py$|tests/python/ci/|tests/python/unittest/test_tvmscript_type\.py$)";
    private const string CpplintPaths = @"^(include|src|examples/extension/src|examples/graph_executor/src|tests/cpp|" +
        @"tests/crt)/";
    private const string Blocklist = "blacklist,whitelist,white box,master , master,master_,_master,slave";

    public static List<Linter> For(LintTools tools)
    {
        var steps = new Steps(tools);
        var python = tools.Python;
        var py = new FileFilter(Files: @"\.pyi?$");
        var cpp = new FileFilter(Files: @"\.(h|hpp|hh|c|cc|cpp|cxx|mm|cu|cuh)$");
        var black = new Dictionary<string, string>(steps.Shims) { ["LC_ALL"] = "C.UTF-8", ["LANG"] = "C.UTF-8" };
        var blackDiff = OutputParser.Diff("black would reformat this");
        string[] blackVersion = ["-m", "black", "--version"];
        List<Linter> known =
        [
            steps.Whole("file-type", ["-c", "python3 tests/lint/check_file_type.py"], null,
                Packages.Source("python3"), new FileFilter()),
            steps.Whole("cmake-options", ["-c", "python3 tests/lint/check_cmake_options.py"], null,
                Packages.Source("python3"),
                new FileFilter(Files: @"^(cmake/|CMakeLists\.txt$|src/support/libinfo\.cc$)")),
            steps.Changed
                ? steps.Files("black", [], python, ["-m", "black", "--diff", "--check", "{files}"],
                    ["-m", "black", "{files}"], py, Packages.Source("black"), blackDiff, ["module:black"], blackVersion,
                    "black", black)
                : steps.Whole("black", ["tests/lint/git-black.sh"], ["tests/lint/git-black.sh", "-i"],
                    Packages.Source("black"), py, blackDiff, ["module:black"], blackVersion, "black", black),
            steps.Files("flake8", ["tests/lint/flake8.sh"], python,
                ["-m", "flake8", "--select=E9,F63,F7", "--show-source", "{files}"], null, py, Packages.Source("flake8"),
                null, ["module:flake8"], ["-m", "flake8", "--version"], "flake8"),
            steps.Whole("mypy", ["tests/scripts/task_mypy.sh"], null, Packages.Source("mypy"),
                new FileFilter(Files: MypyPaths), null, ["module:mypy"], ["-m", "mypy", "--version"], "mypy"),
            steps.Files("blocklint", ["tests/lint/blocklint.sh"], "blocklint", ["--blocklist", Blocklist, "{files}"],
                null, new FileFilter(Exclude: "^3rdparty/"), tools.NotPackaged("blocklint", "blocklint"), null,
                ["command:blocklint"], ["--version"], "blocklint"),
            steps.Files("jnilint", ["tests/lint/jnilint.sh"], python,
                ["3rdparty/dmlc-core/scripts/lint.py", "tvm4j-jni", "cpp", "{files}"], null,
                new FileFilter(Files: "^jvm/native/src/"), Packages.Source("cpplint"), null, [Dmlc, "module:cpplint"]),
            steps.Files("pylint", ["tests/lint/pylint.sh"], python,
                ["-m", "pylint", "--rcfile=tests/lint/pylintrc", "{files}"], null, new FileFilter(Files: PylintPaths),
                Packages.Source("pylint"), null, ["module:pylint"], ["-m", "pylint", "--version"], "pylint"),
            steps.Whole("cppdocs", ["tests/lint/cppdocs.sh"], null, Packages.Source("doxygen"),
                new FileFilter(Files: @"^(include|src)/"), null, ["command:doxygen"]),
            steps.Whole("asf-header", ["tests/lint/check_asf_header.sh", "--local"],
                ["tests/lint/check_asf_header.sh", "--local", "--fix"],
                tools.NotPackaged("Apache RAT (/bin/apache-rat.jar)", "asf-header"), new FileFilter(), null,
                ["command:java", "file:/bin/apache-rat.jar"]),
            steps.Files("cpplint", ["tests/lint/cpplint.sh"], python,
                ["3rdparty/dmlc-core/scripts/lint.py", "--quiet", "tvm", "cpp", "{files}"], null,
                cpp with { Exclude = @"^src/runtime/hexagon/rpc/hexagon_rpc(\.h|_skel\.c|_stub\.c)$",
                    TopFiles = CpplintPaths },
                Packages.Source("cpplint"), null, [Dmlc, "module:cpplint"]),
            ClangFormat(tools, steps, cpp),
            steps.Whole("rust-format", ["tests/lint/rust_format.sh"], null, Packages.Source("rustfmt"),
                new FileFilter(Files: @"^rust/.*\.rs$")),
            steps.Whole("docker-format", ["tests/lint/docker-format.sh"], null, Packages.Source("bash"),
                new FileFilter(Files: "^docker/")),
        ];
        return TaskLintScript.Select(tools.TvmRoot, known, step => steps.Whole(step.Id, [step.Path, .. step.Arguments],
            null, $"it is the tree's {step.Path}; --docker ci_lint runs it in CI's image", new FileFilter(),
            tool: step.Path.EndsWith(".py") ? python : "bash"));
    }

    /// <summary>git-clang-format.sh's command itself (git-clang-format --diff --extensions h,mm,c,cc against a
    /// revision): the changed lines since --base, or with --all since the root commit, as the script does. Run
    /// directly because today's git-clang-format exits 1 on a diff, which stops the script (set -e) before it prints
    /// it. Both tools are the shims of the pinned clang-format's nearest npm build; in docker mode, the image's
    /// script.</summary>
    private static Linter ClangFormat(LintTools tools, Steps steps, FileFilter cpp)
    {
        var rev = steps.Changed ? steps.BaseRef : RootCommit(tools) ?? "HEAD";
        string[] files = steps.Changed ? ["{files}"] : [];
        string[] common = ["--extensions", "h,mm,c,cc", "--binary", tools.ShimDirectory / "clang-format", rev, "--"];
        var inImage = tools.Runner.InContainer;
        string[] check = inImage
            ? ["tests/lint/git-clang-format.sh", .. steps.Changed ? ["--rev", rev] : Array.Empty<string>()]
            : ["--diff", .. common, .. files];
        // --force: the changed files have unstaged changes, which git-clang-format otherwise refuses to touch.
        string[] fix = inImage ? ["tests/lint/git-clang-format.sh", "-i", "--rev", rev]
            : ["--force", .. common, .. files];
        var action = new ToolAction(inImage ? "bash" : tools.ShimDirectory / "git-clang-format", check, fix,
            tools.ClangFormatHint, OutputParser.Diff("code should be clang-formatted"), PassFilenames: steps.Changed,
            Environment: steps.Shims, Pinned: tools.Pins.GetValueOrDefault("clang-format"),
            KeepOnlyItsFiles: steps.Changed,
            Available: inImage || tools.ClangFormatPackage?.Directory is not null || tools.Runner.DryRun);
        return new("clang-format", steps.Changed ? cpp : new FileFilter(), action, Version: tools.ClangFormatVersion);
    }

    private static string? RootCommit(LintTools tools)
    {
        if (ToolResolver.TryFind("git") is not { } git) return null;
        var result = tools.Runner.OnHost.Probe(new Command(git, ["rev-list", "--max-parents=0", "HEAD"], tools.TvmRoot),
            RunOptions.MayFail);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return result.ExitCode == 0 ? lines.FirstOrDefault()?.Trim() : null;
    }

    /// <summary>How a step runs: its script on the whole tree (<see cref="Whole"/>), or with changed files its tool on
    /// them (<see cref="Files"/>). <see cref="Shims"/> puts the lint shims first on PATH, on this machine only: in a
    /// container the image's own PATH applies.</summary>
    private sealed class Steps(LintTools tools)
    {
        public bool Changed { get; } = tools.Base is not null;
        public string BaseRef { get; } = tools.Base ?? "HEAD";
        public Dictionary<string, string> Shims { get; } = tools.Runner.InContainer ? []
            : new() { ["PATH"] = $"{tools.ShimDirectory}:{Environment.GetEnvironmentVariable("PATH")}" };

        public Linter Whole(string id, string[] check, string[]? fix, string hint, FileFilter reads,
            OutputParser? output = null, string[]? needs = null, string[]? version = null, string? pinOf = null,
            Dictionary<string, string>? environment = null, string tool = "bash") =>
            new(id, Changed ? reads : new FileFilter(), new ToolAction(tool, check, fix, hint,
                output ?? OutputParser.PathLine, PassFilenames: false, Environment: environment ?? Shims, Needs: needs,
                VersionArgs: version, Pinned: Pin(pinOf), KeepOnlyItsFiles: Changed));

        public Linter Files(string id, string[] whole, string tool, string[] check, string[]? fix, FileFilter reads,
            string hint, OutputParser? output = null, string[]? needs = null, string[]? version = null,
            string? pinOf = null, Dictionary<string, string>? environment = null) => Changed
            ? new(id, reads, new ToolAction(tool, check, fix, hint, output ?? OutputParser.PathLine,
                Environment: environment ?? Shims, Needs: needs, VersionArgs: version, Pinned: Pin(pinOf),
                KeepOnlyItsFiles: true))
            : Whole(id, whole, null, hint, reads, output, needs, version, pinOf, environment);

        private string? Pin(string? tool) => tool is null ? null : tools.Pins.GetValueOrDefault(tool);
    }
}
