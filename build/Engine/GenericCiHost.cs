namespace TvmBuild.Engine;

public sealed class GenericCiHost : Host
{
    public override string Name => "CI";
}
