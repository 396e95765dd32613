namespace TvmBuild.Lint;

public sealed class PreCommitHook
{
    public string Id { get; set; } = "";
    public string? Entry { get; set; }
    public List<string> Args { get; set; } = [];
    public string? Files { get; set; }
    public string? Exclude { get; set; }
    public List<string>? Types { get; set; }
    public List<string>? TypesOr { get; set; }
    public List<string>? ExcludeTypes { get; set; }
    public bool PassFilenames { get; set; } = true;
    public bool AlwaysRun { get; set; }

    /// <summary>The hook's own file filter (the config's keys over its manifest's <paramref name="defaults"/>), within
    /// the config's top-level files/exclude.</summary>
    public FileFilter Filter(PreCommitConfig config, FileFilter defaults) => new(
        Files ?? defaults.Files,
        Exclude ?? defaults.Exclude,
        Types ?? defaults.Types,
        TypesOr ?? defaults.TypesOr,
        ExcludeTypes ?? defaults.ExcludeTypes,
        config.Files,
        config.Exclude);
}
