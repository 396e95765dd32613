using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace TvmBuild.Lint;

public sealed class PreCommitRepo
{
    public string Repo { get; set; } = "";
    public string? Rev { get; set; }
    public List<PreCommitHook> Hooks { get; set; } = [];
}
