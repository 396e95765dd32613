using TvmBuild.Engine;
using TvmBuild.Tvm;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace TvmBuild.Lint;

/// <summary>The parts of a tree's <c>.pre-commit-config.yaml</c> that choose linters and their files.</summary>
public sealed class PreCommitConfig
{
    public string? Exclude { get; set; }
    public string? Files { get; set; }
    public List<PreCommitRepo> Repos { get; set; } = [];

    public IEnumerable<PreCommitHook> Hooks => Repos.SelectMany(r => r.Hooks);

    public static PreCommitConfig Load(AbsolutePath file)
    {
        try
        {
            return new StaticDeserializerBuilder(new BuildYaml()).WithNamingConvention(SeparatedNames.Underscored)
                .IgnoreUnmatchedProperties().Build()
                .Deserialize<PreCommitConfig>(File.ReadAllText(file)) ?? new PreCommitConfig();
        }
        catch (YamlException e)
        {
            throw new BuildFailure($"{file}:{e.Start.Line}: {e.InnerException?.Message ?? e.Message}",
                "Fix the pre-commit config of the tree.");
        }
    }
}
