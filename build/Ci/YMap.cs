namespace TvmBuild.Ci;

public sealed record YMap(IReadOnlyList<(string Key, YNode Value)> Entries) : YNode
{
    public YMap(params (string, YNode)[] entries) : this((IReadOnlyList<(string, YNode)>)entries) { }
}
