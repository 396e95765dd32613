namespace TvmBuild.Adopt;

/// <summary>What --retire does in one layout: removes (with what replaces each), forwards, rewrites
/// references.</summary>
public sealed class Retirement
{
    public List<Retiree> Remove { get; set; } = [];
    /// <summary>Path → the name of a forwarder in <see cref="AdoptManifest.Forwarders"/>.</summary>
    public Dictionary<string, string> Forward { get; set; } = [];
    /// <summary>What fills the forwarders' placeholders in this layout.</summary>
    public Dictionary<string, string> Variables { get; set; } = [];
    public List<Edit> Edits { get; set; } = [];
    /// <summary>Files that list paths one per line (.gitattributes, exclusion lists): a line naming a removed path
    /// goes.</summary>
    public List<string> ListFiles { get; set; } = [];
    /// <summary>Folders whose files quote old text as data (sample PRs): their mentions are not pointers.</summary>
    public List<string> KeepMentions { get; set; } = [];
    /// <summary>Where the CI image names go when the file that held them is removed (ini, as TVM main keeps
    /// them).</summary>
    public string? ImagesTo { get; set; }
}
