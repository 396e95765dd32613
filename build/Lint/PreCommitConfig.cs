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

public sealed class PreCommitRepo
{
    public string Repo { get; set; } = "";
    public string? Rev { get; set; }
    public List<PreCommitHook> Hooks { get; set; } = [];
}

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
