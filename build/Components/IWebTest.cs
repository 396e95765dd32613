using Serilog;
using TvmBuild.Engine;
using TvmBuild.Tools;
using TvmBuild.Tvm;

/// <summary>task_web_wasm.sh: the web runtime (web/) linted, built to WebAssembly with emscripten, bundled and tested
/// with npm, and its API docs made, after tvm-ffi is installed into python/ as the unit tests do.</summary>
interface IWebTest : ITest
{
    Target WebTest => _ => _
        .Description("Lints, builds and tests TVM's web runtime with npm and emscripten (task_web_wasm.sh)")
        .Needs(Requirements.WebNpm)
        .DependsOn(Compile)
        .Executes(() =>
        {
            var web = TvmRoot / "web";
            if (!(web / "package.json").FileExists())
            {
                var failure = new BuildFailure($"{TvmRoot} has no web/package.json.",
                    "Point --tvm-home at a TVM tree with its web runtime.");
                if (!Runner.DryRun) throw failure;
                Log.Warning("{Failure}", failure.Message); // --dry-run still prints the commands
            }
            var python = Python ?? "python3";
            var environment = new Dictionary<string, string?>
            {
                ["PYTHONPATH"] = TvmRoot / "python",
                ["EM_CACHE"] = web / ".emscripten_cache",
            };
            if (Layout.Unittest?.InstallFfi is { } ffi) TvmFfi.Install(Runner, TvmRoot, python, ffi, environment);
            string Tool(string name) => Runner.DryRun ? name : Runner.Find(name, Packages.Hint(name));
            var npm = Runner.DryRun ? "npm" : Runner.Find("npm", Packages.Hint("npm-web"));
            Runner.Run(new Command(Tool("make"), ["clean"], web, environment));
            string[][] steps =
            [
                ["install"], ["run", "lint"], ["run", "prepwasm"],
                ["run", "bundle"], ["run", "test"], ["run", "typedoc"],
            ];
            foreach (var args in steps) Runner.Run(new Command(npm, args, web, environment));
        });
}
