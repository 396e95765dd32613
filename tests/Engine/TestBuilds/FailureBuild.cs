using TvmBuild.Engine;
using static TvmBuild.Tests.Engine.EngineHarness;

namespace TvmBuild.Tests.Engine;

class FailureBuild : NukeBuild
{
    [Parameter] readonly string FailAt = "B";

    Target A => _ => _.Executes(() => Step("A"));
    Target B => _ => _.DependsOn(A).Executes(() => Step("B"));
    Target C => _ => _.DependsOn(B).Executes(() => Step("C"));
    Target Proceed => _ => _.ProceedAfterFailure().Executes(() => Step("Proceed"));
    Target AfterProceed => _ => _.DependsOn(Proceed).Executes(() => Step("AfterProceed"));
    Target Cleanup => _ => _.After(C).AssuredAfterFailure().Executes(() => Step("Cleanup"));
    Target Long => _ => _.Executes(() =>
    {
        Ran.Add("Long");
        throw new BuildFailure("'docker run " + string.Join(" ", Enumerable.Repeat("--env X=y", 40)) + "' exited.");
    });
    Target Bug => _ => _.Executes(() => { Ran.Add("Bug"); int[] none = []; Ran.Add(none[0].ToString()); });

    void Step(string name)
    {
        Ran.Add(name);
        if (name == FailAt) throw new BuildFailure($"{name} broke", "Fix it.");
    }
}
