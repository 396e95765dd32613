namespace TvmBuild.Lint;

public sealed class PreCommitRepo
{
    public string Repo { get; set; } = "";
    public string? Rev { get; set; }
    public List<PreCommitHook> Hooks { get; set; } = [];
}
