namespace TvmBuild.Engine;

public sealed class JenkinsHost : Host
{
    public override string Name => "Jenkins";
}
