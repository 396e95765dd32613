namespace TvmBuild.Ci;

/// <summary>TVM's Prepare stage's three answers: <c>is_docs_only_build</c>, <c>rebuild_docker_images</c> and
/// <c>skip_ci</c>.</summary>
public sealed record ChangeDecision(bool DocsOnly, bool RebuildDocker, bool SkipCi)
{
    /// <summary>What <c>CiTask --changes</c> prints, the kinds the catalog's <c>on:</c> lists name: <c>none</c> when
    /// CI is skipped (no task runs); else <c>docs</c> (TVM's <c>!skip_ci</c>), <c>code</c> unless the change is docs
    /// only, <c>docker</c> when the images are rebuilt.</summary>
    public string Kinds => SkipCi ? None : string.Join(" ",
        CiCatalog.ChangeKinds.Where(kind => kind switch { "code" => !DocsOnly, "docker" => RebuildDocker, _ => true }));

    public const string None = "none";
}
