namespace TvmBuild.Engine;

public sealed class TerminalHost(bool interactive) : Host
{
    public override string Name => "Terminal";
    public override bool IsServer => false;
    public override bool IsInteractive => interactive;
}
