namespace TvmBuild.Adopt;

/// <summary>Where the user guide is here (<c>From</c>) and in a TVM checkout (<c>To</c>).</summary>
public sealed class GuidePlace
{
    public string From { get; set; } = "docs";
    public string To { get; set; } = "dev/docs";
}
