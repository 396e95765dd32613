using TvmBuild.Engine;
using TvmBuild.Tools;
using TvmBuild.Tvm;

/// <summary>TVM's C++ tests, as task_cpp_unittest.sh runs them at the tree's ref: build the gtest targets, then run
/// them.
/// Two targets, so that a CI test stage that got the binaries from the build stage can run them alone.</summary>
interface ICppTest : ICompile, IHazTests, IHazStepInputs
{
    CppTestSpec CppTestSpec =>
        Layout.Cpptest ?? throw new BuildFailure($"The {Layout.Name} layout of TVM has no C++ test script.");

    Target CompileCppTest => _ => _
        .Description("Builds TVM's C++ test targets (cpptest; crttest at v0.9.0)")
        .Needs(Requirements.CMake, Requirements.Ninja, Requirements.Compiler, Requirements.GoogleTest)
        .DependsOn(Configure)
        .Inputs(() => BuildInputs(CppTestSpec.CmakeTargets, [.. BuildPaths, "tests/cpp", "tests/crt"]))
        .Executes(() => BuildTargets(CppTestSpec.CmakeTargets));

    Target CppTest => _ => _
        .Description("Runs TVM's C++ tests (task_cpp_unittest.sh); --test-filter is a gtest filter")
        .Needs(Requirements.GoogleTest)
        .DependsOn(CompileCppTest)
        .RequiresThat(ArgumentsForBothKinds)
        .TakesArguments()
        .Inputs(() => StepInputsOf(["tests/cpp"], [],
                ("test filter", TestFilter), ("arguments", string.Join("\0", TestArguments)))
            with
        {
            Outputs = [.. CppTestSpec.Steps.Where(s => s.Tests is not null)
                .Select(s => $"pytest-results/{Path.GetFileName(s.Run[0])}.xml")]
        })
        .Executes(() =>
        {
            var environment = new Dictionary<string, string?>(Expand(CppTestSpec.Environment, CppTestSpec.Script))
            {
                // A cpptest unstashed into another workspace names the build stage's folder in its RUNPATH: it
                // loads libtvm*.so from the build directory where it now lies (lib/, or the folder itself).
                ["LD_LIBRARY_PATH"] = LibraryPath(),
            };
            foreach (var step in CppTestSpec.Steps)
            {
                if (step.Tests is { } framework) RunTests(step, framework, environment);
                else ScriptSteps.Run(Runner, step, TvmRoot, BuildDirectory, Variables, environment, CppTestSpec.Script);
            }
        });

    string LibraryPath()
    {
        var inherited = Runner.InContainer ? null : Environment.GetEnvironmentVariable("LD_LIBRARY_PATH");
        var own = $"{BuildDirectory / "lib"}:{BuildDirectory}"; // TVM main's CMake puts its libraries in lib/
        return string.IsNullOrEmpty(inherited) ? own : $"{own}:{inherited}";
    }

    /// <summary>The step that runs the tests gets a JUnit file, the filter and the arguments after --; its results
    /// go under the summary table. A failure stops here, as the script's <c>set -e</c> does.</summary>
    void RunTests(Step step, TestFramework framework, IReadOnlyDictionary<string, string?> environment)
    {
        var command = ScriptSteps.Command(step, TvmRoot, BuildDirectory, Variables, environment, CppTestSpec.Script);
        var name = Path.GetFileName(command.Executable);
        var junit = BuildDirectory / "pytest-results" / $"{name}.xml"; // where CI's JUnit glob looks
        if (!Runner.DryRun) junit.Parent.CreateDirectory();
        var selection = GtestArguments.For(framework, junit, TestFilter, TestArguments);
        command = command with { Arguments = [.. command.Arguments, .. selection] };
        var started = DateTime.UtcNow.AddSeconds(-1);
        var result = Runner.Run(command, RunOptions.MayFail);
        if (Runner.DryRun) return;
        var read = JUnit.Read(junit, name, framework, TvmRoot, since: started);
        ReportTests("CppTest", read is null ? [] : [read], ids => ["--test-filter", string.Join(':', ids)]);
        if (result.ExitCode == 0) return;
        throw read is { Failed: > 0 }
            ? new BuildFailure($"{TestSummary.Plural(read.Failed, "C++ test")} failed ({name}; JUnit: {junit}).",
                "The failed tests, and one command that reruns them, are listed under the table.")
            : new BuildFailure($"'{command.CommandLine}' exited with code {result.ExitCode}" +
                (read is null ? " before writing its JUnit XML." : "."), "Its output is above.");
    }
}
