using TvmBuild.Engine;

namespace TvmBuild.Lint;

/// <summary>v0.9.0: the steps of tests/scripts/task_lint.sh. With --all each is TVM's own script over the whole tree,
/// as CI ran them. With changed files each gets only those (the same tool and flags as its script), or for the git-*
/// scripts <c>--rev BASE</c>; a whole-tree step runs only when a file it reads changed, and keeps the findings in the
/// changed files. The flags and paths below are the scripts' own (tests/lint/*.sh at v0.9.0).</summary>
public static class TaskLintSteps
{
    public static List<Linter> For(LintTools tools)
    {
        var shims = new Dictionary<string, string>();
        // The host's PATH goes first to nothing in a container: the image's own PATH applies there.
        if (!tools.Runner.InContainer) shims["PATH"] = $"{tools.ShimDirectory}:{Environment.GetEnvironmentVariable("PATH")}";
        var black = new Dictionary<string, string>(shims) { ["LC_ALL"] = "C.UTF-8", ["LANG"] = "C.UTF-8" };
        var changed = tools.Base is not null;
        var baseRef = tools.Base ?? "HEAD";
        string? Pin(string tool) => tools.Pins.GetValueOrDefault(tool);
        Linter Whole(string id, string[] check, string[]? fix, string hint, FileFilter reads, OutputParser? output = null, string[]? needs = null,
            string[]? version = null, string? pin = null, Dictionary<string, string>? environment = null) =>
            new(id, changed ? reads : new FileFilter(), new ToolAction("bash", check, fix, hint, output ?? OutputParser.PathLine, PassFilenames: false,
                Environment: environment ?? shims, Needs: needs, VersionArgs: version, Pinned: pin, KeepOnlyItsFiles: changed));
        Linter Files(string id, string[] whole, string tool, string[] check, string[]? fix, FileFilter reads, string hint, OutputParser? output = null,
            string[]? needs = null, string[]? version = null, string? pin = null, Dictionary<string, string>? environment = null) => changed
            ? new(id, reads, new ToolAction(tool, check, fix, hint, output ?? OutputParser.PathLine, Environment: environment ?? shims, Needs: needs,
                VersionArgs: version, Pinned: pin, KeepOnlyItsFiles: true))
            : Whole(id, whole, null, hint, reads, output, needs, version, pin, environment);
        var python = tools.Python;
        var py = new FileFilter(Files: @"\.pyi?$");
        var cpp = new FileFilter(Files: @"\.(h|hpp|hh|c|cc|cpp|cxx|mm|cu|cuh)$");
        const string dmlc = "file:3rdparty/dmlc-core/scripts/lint.py";
        const string submodule = "git submodule update --init 3rdparty/dmlc-core, and apt-get install cpplint";
        var rev = changed ? new[] { "--rev", baseRef } : [];
        return
        [
            Whole("file-type", ["-c", "python3 tests/lint/check_file_type.py"], null, "apt-get install python3", new FileFilter()),
            Whole("cmake-options", ["-c", "python3 tests/lint/check_cmake_options.py"], null, "apt-get install python3",
                new FileFilter(Files: @"^(cmake/|CMakeLists\.txt$|src/support/libinfo\.cc$)")),
            changed
                ? Files("black", [], python, ["-m", "black", "--diff", "--check", "{files}"], ["-m", "black", "{files}"], py, "apt-get install black",
                    OutputParser.Diff("black would reformat this"), ["module:black"], ["-m", "black", "--version"], Pin("black"), black)
                : Whole("black", ["tests/lint/git-black.sh"], ["tests/lint/git-black.sh", "-i"], "apt-get install black", py,
                    OutputParser.Diff("black would reformat this"), ["module:black"], ["-m", "black", "--version"], Pin("black"), black),
            Files("flake8", ["tests/lint/flake8.sh"], python, ["-m", "flake8", "--select=E9,F63,F7", "--show-source", "{files}"], null, py,
                "apt-get install flake8", null, ["module:flake8"], ["-m", "flake8", "--version"], Pin("flake8")),
            Whole("mypy", ["tests/scripts/task_mypy.sh"], null, "apt-get install python3-mypy",
                new FileFilter(Files: @"^(python/tvm/tir/(schedule|analysis|transform)/|python/tvm/meta_schedule/|python/tvm/relay/op/contrib/|tests/python/unittest/test_tvmscript_type\.py$)"),
                null, ["module:mypy"], ["-m", "mypy", "--version"], Pin("mypy")),
            Files("blocklint", ["tests/lint/blocklint.sh"], "blocklint", ["--blocklist", "blacklist,whitelist,white box,master , master,master_,_master,slave",
                "{files}"], null, new FileFilter(Exclude: "^3rdparty/"), tools.NotPackaged("blocklint", "blocklint"), null, ["command:blocklint"],
                ["--version"], Pin("blocklint")),
            Files("jnilint", ["tests/lint/jnilint.sh"], python, ["3rdparty/dmlc-core/scripts/lint.py", "tvm4j-jni", "cpp", "{files}"], null,
                new FileFilter(Files: "^jvm/native/src/"), submodule, null, [dmlc, "module:cpplint"]),
            Files("pylint", ["tests/lint/pylint.sh"], python, ["-m", "pylint", "--rcfile=tests/lint/pylintrc", "{files}"], null,
                new FileFilter(Files: @"^(python/tvm/|vta/python/vta/|tests/python/contrib/test_cmsisnn/|tests/python/relay/aot/[^/]*\.py$|tests/python/ci/|tests/python/unittest/test_tvmscript_type\.py$)"),
                "apt-get install pylint", null, ["module:pylint"], ["-m", "pylint", "--version"], Pin("pylint")),
            Whole("cppdocs", ["tests/lint/cppdocs.sh"], null, "apt-get install doxygen", new FileFilter(Files: @"^(include|src)/"), null, ["command:doxygen"]),
            Whole("asf-header", ["tests/lint/check_asf_header.sh", "--local"], ["tests/lint/check_asf_header.sh", "--local", "--fix"],
                tools.NotPackaged("Apache RAT (/bin/apache-rat.jar)", "asf-header"), new FileFilter(), null, ["command:java", "file:/bin/apache-rat.jar"]),
            Files("cpplint", ["tests/lint/cpplint.sh"], python, ["3rdparty/dmlc-core/scripts/lint.py", "--quiet", "tvm", "cpp", "{files}"], null,
                cpp with { Exclude = @"^src/runtime/hexagon/rpc/hexagon_rpc(\.h|_skel\.c|_stub\.c)$", TopFiles = @"^(include|src|examples/extension/src|examples/graph_executor/src|tests/cpp|tests/crt)/" },
                submodule, null, [dmlc, "module:cpplint"]),
            ClangFormat(tools, changed, baseRef, shims, cpp),
            Whole("rust-format", ["tests/lint/rust_format.sh"], null, "apt-get install cargo rustfmt", new FileFilter(Files: @"^rust/.*\.rs$")),
            Whole("docker-format", ["tests/lint/docker-format.sh"], null, "apt-get install bash", new FileFilter(Files: "^docker/")),
        ];
    }

    /// <summary>git-clang-format.sh's command itself (git-clang-format --diff --extensions h,mm,c,cc against a
    /// revision): the changed lines since --base, or with --all since the root commit, as the script does. Run
    /// directly because today's git-clang-format exits 1 on a diff, which stops the script (set -e) before it prints
    /// it. Both tools are the shims of the pinned clang-format's nearest npm build.</summary>
    private static Linter ClangFormat(LintTools tools, bool changed, string baseRef, Dictionary<string, string> shims, FileFilter cpp)
    {
        var rev = changed ? baseRef : RootCommit(tools) ?? "HEAD";
        string[] common = ["--extensions", "h,mm,c,cc", "--binary", tools.ShimDirectory / "clang-format", rev, "--"];
        var gitClangFormat = tools.ShimDirectory / "git-clang-format";
        return new("clang-format", changed ? cpp : new FileFilter(), new ToolAction(tools.Runner.InContainer ? "bash" : gitClangFormat,
                tools.Runner.InContainer ? ["tests/lint/git-clang-format.sh", .. changed ? new[] { "--rev", baseRef } : []] : ["--diff", .. common, .. changed ? ["{files}"] : Array.Empty<string>()],
                // --force: the changed files have unstaged changes, which git-clang-format otherwise refuses to touch.
                tools.Runner.InContainer ? ["tests/lint/git-clang-format.sh", "-i", "--rev", rev] : ["--force", .. common, .. changed ? ["{files}"] : Array.Empty<string>()],
                tools.ClangFormatHint, OutputParser.Diff("code should be clang-formatted"), PassFilenames: changed, Environment: shims,
                Pinned: tools.Pins.GetValueOrDefault("clang-format"), KeepOnlyItsFiles: changed, Available: tools.Runner.InContainer || tools.ClangFormatPackage?.Directory is not null),
            Version: tools.ClangFormatVersion);
    }

    private static string? RootCommit(LintTools tools) =>
        ToolResolver.TryFind("git") is { } git && tools.Runner.OnHost.Probe(new Command(git, ["rev-list", "--max-parents=0", "HEAD"], tools.TvmRoot),
            RunOptions.MayFail) is { ExitCode: 0 } result ? result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() : null;
}
