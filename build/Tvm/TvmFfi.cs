using Serilog;
using TvmBuild.Engine;

namespace TvmBuild.Tvm;

/// <summary>tvm-ffi into python/, as task_python_unittest.sh and task_python_docs.sh install it on TVM main
/// (<c>uv pip install -v --target=python ./3rdparty/tvm-ffi/</c>), unless it is importable already.</summary>
public static class TvmFfi
{
    public static void Install(ProcessRunner runner, AbsolutePath tvmRoot, string python, string ffi,
        IReadOnlyDictionary<string, string?> environment)
    {
        if (!(tvmRoot / ffi / "pyproject.toml").FileExists()) return;
        var probe = new Command(python, ["-c", "import tvm_ffi"], tvmRoot, environment);
        if (!runner.DryRun && runner.Probe(probe, RunOptions.MayFail).ExitCode == 0)
        {
            Log.Information("tvm_ffi is importable already; not reinstalling {Ffi}", ffi);
            return;
        }
        var command = runner.TryFind("uv") is { } uv
            ? new Command(uv, ["pip", "install", "-v", "--target=python", $"./{ffi}/"], tvmRoot, environment)
            : new Command(python, ["-m", "pip", "install", "-v", "--target=python", $"./{ffi}/"], tvmRoot, environment);
        runner.Run(command, new RunOptions
        {
            FailureHint = "Building tvm-ffi needs its Python build tools (scikit-build-core, from PyPI); "
                + "without them use --docker ci_cpu.",
        });
    }
}
