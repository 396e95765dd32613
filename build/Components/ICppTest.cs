using TvmBuild.Engine;
using TvmBuild.Tools;
using TvmBuild.Tvm;

/// <summary>TVM's C++ tests, as task_cpp_unittest.sh runs them at the tree's ref: build the gtest targets, then run them.
/// Two targets, so that a CI test stage that got the binaries from the build stage can run them alone.</summary>
interface ICppTest : ICompile
{
    CppTestSpec CppTestSpec => Layout.Cpptest ?? throw new BuildFailure($"The {Layout.Name} layout of TVM has no C++ test script.");

    Target CompileCppTest => _ => _
        .Description("Builds TVM's C++ test targets (cpptest; crttest at v0.9.0)")
        .Needs(Requirements.CMake, Requirements.Ninja, Requirements.Compiler, Requirements.GoogleTest)
        .DependsOn(Configure)
        .Executes(() => BuildTargets(CppTestSpec.CmakeTargets));

    Target CppTest => _ => _
        .Description("Runs TVM's C++ tests (task_cpp_unittest.sh)")
        .Needs(Requirements.GoogleTest)
        .DependsOn(CompileCppTest)
        .Executes(() =>
        {
            var environment = Expand(CppTestSpec.Environment, CppTestSpec.Script);
            foreach (var step in CppTestSpec.Steps)
                ScriptSteps.Run(Runner, step, TvmRoot, BuildDirectory, Variables, environment, CppTestSpec.Script);
        });
}
