using TvmBuild.Engine;
using static TvmBuild.Tests.Engine.EngineHarness;

namespace TvmBuild.Tests.Engine;

class ClashBuild : NukeBuild
{
    [Parameter("One.", Name = "name")] readonly string? First;
    [Parameter("Two.")] readonly string? Name;
    Target Show => _ => _.Executes(() => Ran.Add($"{First}{Name}"));
}
