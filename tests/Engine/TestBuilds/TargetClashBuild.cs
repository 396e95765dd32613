using TvmBuild.Engine;
using static TvmBuild.Tests.Engine.EngineHarness;

namespace TvmBuild.Tests.Engine;

/// <summary>Two components that declare a target of the same name.</summary>
class TargetClashBuild : NukeBuild, IGreetsInEnglish, IGreetsInFrench;

interface IGreetsInEnglish : INukeBuild
{
    Target Greet => _ => _.Executes(() => Ran.Add("hello"));
}

interface IGreetsInFrench : INukeBuild
{
    Target Greet => _ => _.Executes(() => Ran.Add("bonjour"));
}
