using TvmBuild.Engine;
using static TvmBuild.Tests.Engine.EngineHarness;

namespace TvmBuild.Tests.Engine;

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
