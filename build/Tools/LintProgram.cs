namespace TvmBuild.Tools;

/// <summary>A linter that runs as a program, and the one place that knows it: the commands it answers to, whether it
/// runs as a module of the lint Python, the npm package of dev/lint that stands in for it, the pre-commit repository
/// whose <c>rev:</c> pins it, and where it comes from. The pins, Doctor, Lint's needs and its result stamp, and every
/// install hint read this table.</summary>
/// <param name="Name">The tool's name, as pins and hints know it.</param>
/// <param name="Source">Where it comes from (Packages' hints).</param>
/// <param name="Commands">The commands that run it, the first found wins (none: nothing to run, e.g. the C# checks).
/// </param>
/// <param name="Module">Asked as <c>python3 -m Name</c> (the lint Python's black, flake8...).</param>
/// <param name="Npm">The npm package in dev/lint/node_modules that Lint runs instead.</param>
/// <param name="Pinned">The npm package Lint installs at the tree's pin, into tvm-build's cache, and runs instead.
/// </param>
/// <param name="PreCommitRepo">The hook repository (owner/name) whose rev is this tool's version.</param>
public sealed record LintProgram(string Name, string? Source, string[] Commands, bool Module = false,
    string? Npm = null, string? PreCommitRepo = null, string? Pinned = null)
{
    private const string DevLint = "npm install --prefix dev/lint (from the tvm-build checkout)";

    public static LintProgram Ruff => Find("ruff")!;
    public static LintProgram ClangFormat => Find("clang-format")!;
    public static LintProgram Taplo => Find("taplo")!;

    public static IReadOnlyList<LintProgram> All { get; } =
    [
        new("ruff", "Lint installs the pinned WebAssembly build from npm on first use (apt-get install npm)", [],
            PreCommitRepo: "astral-sh/ruff-pre-commit", Pinned: "@astral-sh/ruff-wasm-nodejs"),
        new("clang-format",
            "apt-get install clang-format-19 (Lint itself runs the npm WebAssembly build nearest the tree's pin)",
            [.. Enumerable.Range(10, 12).Reverse().Select(v => $"clang-format-{v}"), "clang-format"],
            PreCommitRepo: "pre-commit/mirrors-clang-format", Pinned: "@wasm-fmt/clang-format"),
        new("yamllint", "apt-get install yamllint, or --docker ci_lint", ["yamllint"],
            PreCommitRepo: "adrienverge/yamllint"),
        new("taplo", DevLint, ["taplo"], Npm: "@taplo/cli", PreCommitRepo: "ComPWA/taplo-pre-commit"),
        new("cython-lint", "cython-lint is not packaged for Debian or npm: pip install cython-lint, or run Lint with " +
                           "--docker ci_lint on a tree whose CI has that image", ["cython-lint"],
            PreCommitRepo: "MarcoGorelli/cython-lint"),
        new("pre-commit-hooks", null, [], PreCommitRepo: "pre-commit/pre-commit-hooks"),
        new("black", "apt-get install black", ["black"], Module: true),
        new("flake8", "apt-get install flake8", ["flake8"], Module: true),
        new("mypy", "apt-get install python3-mypy", ["mypy"], Module: true),
        new("pylint", "apt-get install pylint", ["pylint"], Module: true),
        new("cpplint", "git submodule update --init 3rdparty/dmlc-core, and apt-get install cpplint", ["cpplint"],
            Module: true),
        new("doxygen", "apt-get install doxygen", ["doxygen"]),
        new("rustfmt", "apt-get install cargo rustfmt", ["rustfmt"]),
    ];

    public static LintProgram? Find(string name) => All.FirstOrDefault(p => p.Name == name);

    /// <summary>Something of this machine runs it: a command, or an npm package (not the C# checks).</summary>
    public bool Runs => Commands.Length > 0 || Npm is not null || Pinned is not null;

    /// <summary>A hook's program that Lint takes from PATH as it is (no npm build stands in): Doctor shows it as a
    /// row of Lint's needs.</summary>
    public bool FromPath => PreCommitRepo is not null && Npm is null && Pinned is null && Commands.Length == 1;
}
