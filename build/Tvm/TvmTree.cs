using TvmBuild.Engine;

namespace TvmBuild.Tvm;

/// <summary>The TVM tree a run works on, and why that one (the first line of the log says both).</summary>
public sealed record TvmTree(AbsolutePath Root, string Why)
{
    public override string ToString() => $"TVM tree {Root} ({Why})";
}
