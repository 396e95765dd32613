namespace TvmBuild.Adopt;

/// <summary>A retired path (a file, a folder ending in /, or a glob) and the command that replaces it.</summary>
public sealed class Retiree
{
    public string Path { get; set; } = "";
    public string By { get; set; } = "";
}
