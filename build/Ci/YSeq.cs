namespace TvmBuild.Ci;

public sealed record YSeq(IReadOnlyList<YNode> Items, bool Flow = false) : YNode;
