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

class CycleBuild : NukeBuild
{
    Target A => _ => _.DependsOn(B).Executes(() => { });
    Target B => _ => _.DependsOn(C).Executes(() => { });
    Target C => _ => _.After(A).Executes(() => { });
}

class FailureBuild : NukeBuild
{
    [Parameter] readonly string FailAt = "B";

    Target A => _ => _.Executes(() => Step("A"));
    Target B => _ => _.DependsOn(A).Executes(() => Step("B"));
    Target C => _ => _.DependsOn(B).Executes(() => Step("C"));
    Target Proceed => _ => _.ProceedAfterFailure().Executes(() => Step("Proceed"));
    Target AfterProceed => _ => _.DependsOn(Proceed).Executes(() => Step("AfterProceed"));
    Target Cleanup => _ => _.After(C).AssuredAfterFailure().Executes(() => Step("Cleanup"));
    Target Bug => _ => _.Executes(() => { Ran.Add("Bug"); int[] none = []; Ran.Add(none[0].ToString()); });

    void Step(string name)
    {
        Ran.Add(name);
        if (name == FailAt) throw new BuildFailure($"{name} broke", "Fix it.");
    }
}

enum Flavour { Plain, Spicy }

interface IHazGreeting : INukeBuild
{
    [Parameter("Greeting word.")] string? Greeting => TryGetValue(() => Greeting) ?? "hello";
    Target Greet => _ => _.Executes(() => Ran.Add($"Greet:{Greeting}"));
}

interface INotImplemented : INukeBuild
{
    Target Missing => _ => _.Executes(() => { });
}

class ParameterBuild : NukeBuild, IHazGreeting
{
    [Parameter("A name.")] readonly string? Name;
    [Parameter("A count.")] readonly int Count = 1;
    [Parameter("A switch.")] readonly bool Loud;
    [Parameter("A flavour.")] readonly Flavour Flavour = Flavour.Plain;
    [Parameter("Some words.")] readonly string[] Words = [];
    [Parameter("A path.")] readonly AbsolutePath? Where;

    Target Show => _ => _
        .TryDependsOn<INotImplemented>(x => x.Missing)
        .DependsOn<IHazGreeting>(x => x.Greet)
        .Executes(() => Ran.Add(
            $"Name={Name} Count={Count} Loud={Loud} Flavour={Flavour} Words={string.Join(",", Words)} Where={Where}"));

    Target NeedsName => _ => _.Requires(() => Name).Executes(() => Ran.Add("NeedsName"));
}
