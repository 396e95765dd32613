using System.Text.RegularExpressions;
using TvmBuild.Engine;
using TvmBuild.Tvm;

namespace TvmBuild.Docker;

/// <summary>TVM's CI image shortcuts (ci_cpu, ci_gpu, ...) as the tree names them, in the file its layout names
/// (build/layouts.yaml's <c>images</c>): <c>ci/jenkins/docker-images.ini</c> on main, the <c>ci_x = '...'</c> lines of
/// the root Jenkinsfile on v0.9.0.</summary>
public static partial class DockerImages
{
    public static IReadOnlyDictionary<string, string> Read(AbsolutePath tvm, ImageTable table, out string source)
    {
        source = table.File;
        var file = tvm / table.File;
        if (!file.FileExists())
        {
            source = $"(no {table.File})";
            return new Dictionary<string, string>();
        }
        return table.Format switch
        {
            ImageTableFormat.Ini => ReadIni(file.ReadAllText()),
            _ => JenkinsfileLine().Matches(file.ReadAllText())
                .GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => g.First().Groups[2].Value),
        };
    }

    /// <summary>The images of any tree (another checkout, a worktree at another ref): the table of the layout it
    /// matches; a folder that is no known TVM layout names none.</summary>
    public static IReadOnlyDictionary<string, string> Read(AbsolutePath tree, out string source)
    {
        if (Layouts.TryDetect(tree) is { } layout)
            return Read(tree, layout.Images, out source);
        source = "(not a TVM tree of a known layout)";
        return new Dictionary<string, string>();
    }

    /// <summary>A shortcut resolves through the tree; a full name (with '/' or ':') is used as given.</summary>
    public static string Resolve(AbsolutePath tvm, ImageTable table, string image)
    {
        if (image.Contains('/') || image.Contains(':')) return image;
        var images = Read(tvm, table, out var source);
        return images.TryGetValue(image, out var full) ? full
            : throw new BuildFailure($"Unknown image shortcut '{image}'.",
                images.Count == 0
                    ? $"{tvm} names no CI images {source}; give a full image name (e.g. tlcpack/ci-cpu:TAG)."
                    : $"{ExecutionPlanner.DidYouMean(image, images.Keys)}Known in {source}: " +
                      $"{string.Join(", ", images.Keys.Order())}; or give a full image name.");
    }

    /// <summary>The preset an image implies: ci_gpu → gpu (when the layout has it).</summary>
    public static string? PresetOf(string image) =>
        ShortcutName().Match(image) is { Success: true } m ? m.Groups[1].Value.Replace('-', '_') : null;

    private static Dictionary<string, string> ReadIni(string text)
    {
        var values = new Dictionary<string, string>();
        foreach (var line in text.Split('\n').Select(l => l.Trim()))
        {
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith(';') || line.StartsWith('[')) continue;
            var separator = line.IndexOfAny([':', '=']);
            if (separator > 0) values[line[..separator].Trim()] = line[(separator + 1)..].Trim();
        }
        // configparser interpolation: %(ci_tag)s
        return values.Where(p => p.Key.StartsWith("ci_") && p.Key != "ci_tag")
            .ToDictionary(p => p.Key,
                p => Interpolation().Replace(p.Value, m => values.GetValueOrDefault(m.Groups[1].Value, m.Value)));
    }

    [GeneratedRegex(@"^(ci_[a-z0-9_]+) = '([^']*)'", RegexOptions.Multiline)]
    private static partial Regex JenkinsfileLine();

    [GeneratedRegex(@"%\(([^)]+)\)s")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"^(?:ci_|.*/ci-)([a-z0-9_-]+?)(?::.*)?$")]
    private static partial Regex ShortcutName();
}
