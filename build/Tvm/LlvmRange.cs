namespace TvmBuild.Tvm;

/// <summary>The llvm-config versions a tree builds with (layouts.yaml's <c>llvm</c>).</summary>
public sealed class LlvmRange
{
    public int Min { get; set; }
    public int Max { get; set; } = int.MaxValue;

    public bool Contains(int major) => major >= Min && major <= Max;
    public override string ToString() => Max == int.MaxValue ? $">= {Min}" : $"{Min} to {Max}";
}
