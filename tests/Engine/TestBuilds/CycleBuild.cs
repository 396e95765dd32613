using TvmBuild.Engine;

namespace TvmBuild.Tests.Engine;

class CycleBuild : NukeBuild
{
    Target A => _ => _.DependsOn(B).Executes(() => { });
    Target B => _ => _.DependsOn(C).Executes(() => { });
    Target C => _ => _.After(A).Executes(() => { });
}
