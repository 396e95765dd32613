using TvmBuild.Engine;
using static TvmBuild.Tests.Engine.EngineHarness;

namespace TvmBuild.Tests.Engine;

class GraphBuild : NukeBuild
{
    Target A => _ => _.Executes(() => Ran.Add("A"));
    Target B => _ => _.DependsOn(A).Executes(() => Ran.Add("B"));
    public Target C => _ => _.DependsOn(B).Executes(() => Ran.Add("C"));
    Target D => _ => _.After(A).Executes(() => Ran.Add("D"));
    Target E => _ => _.Before(A).Executes(() => Ran.Add("E"));
    Target T => _ => _.TriggeredBy(A).Executes(() => Ran.Add("T"));
    Target U => _ => _.Triggers(D).Executes(() => Ran.Add("U"));
    Target P => _ => _.DependentFor(A).Executes(() => Ran.Add("P"));
    Target Group => _ => _.DependsOn(A, D);
    Target Static => _ => _.DependsOn(A).OnlyWhenStatic(() => false).Executes(() => Ran.Add("Static"));
    Target Dynamic => _ => _.OnlyWhenDynamic(() => Ran.Count >= 5).Executes(() => Ran.Add("Dynamic"));
    Target Hidden => _ => _.Unlisted().Executes(() => Ran.Add("Hidden"));
}
