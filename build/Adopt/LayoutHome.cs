namespace TvmBuild.Adopt;

/// <summary>Per layout: the contributor guide it links from, and what --retire does.</summary>
public sealed class LayoutHome
{
    public string ContributorIndex { get; set; } = "";
    public string ContributorPage { get; set; } = "";
    public Retirement Retire { get; set; } = new();
}
