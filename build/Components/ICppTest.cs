using TvmBuild.Engine;
using TvmBuild.Tvm;

/// <summary>TVM's C++ tests, as task_cpp_unittest.sh runs them at the tree's ref: build the gtest targets, then run them.</summary>
interface ICppTest : ITest
{
    Target CppTest => _ => _
        .Description("Builds TVM's C++ test targets and runs the gtest binaries (task_cpp_unittest.sh)")
        .DependsOn(Configure)
        .Executes(() =>
        {
            var spec = Layout.Cpptest ?? throw new BuildFailure($"The {Layout.Name} layout of TVM has no C++ test script.");
            BuildTargets(spec.CmakeTargets);
            var environment = Expand(spec.Environment, spec.Script);
            foreach (var step in spec.Steps) RunStep(step, Variables, environment, spec.Script);
        });
}
