using TvmBuild.Engine;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

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
            return new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance)
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
