using System.Reflection;

namespace TvmBuild.Engine;

/// <summary>A step's key: the SHA-256 of its named inputs, in order: this build's own version, the digest of every
/// declared path, every value, and the keys of the steps it depends on.</summary>
public sealed record CacheKey(string Target, IReadOnlyList<KeyValuePair<string, string>> Inputs,
    IReadOnlyList<InputHashing.PathDigest> Paths)
{
    public string Hash { get; } = InputHashing.Sha256(Target + "\n" +
        string.Concat(Inputs.Select(i => $"{i.Key}={i.Value}\n")));

    public string Short => Hash[..12];

    /// <summary>This build's version: the content of its sources and data (build/ of the build's root, as git or the
    /// disk has them), the same for a checkout at any path; without them, the compiled code's module id.</summary>
    public static string VersionOf(AbsolutePath root)
    {
        var sources = root / "build";
        if (!sources.DirectoryExists())
            return Assembly.GetExecutingAssembly().ManifestModule.ModuleVersionId.ToString("N")[..16];
        return InputHashing.Of(sources, ["."], ["bin", "obj"])[0].Digest[..16];
    }

    public static CacheKey Of(string target, string version, StepInputs inputs, IEnumerable<CacheKey> dependencies)
    {
        var paths = InputHashing.Of(inputs.Tree, inputs.Paths, inputs.Excludes);
        var named = new List<KeyValuePair<string, string>> { new("tvm-build", version) };
        named.AddRange(paths.Select(p => new KeyValuePair<string, string>($"path {p.Path}", p.Digest)));
        named.AddRange(inputs.Values.Select(v => new KeyValuePair<string, string>($"value {v.Key}", Digest(v.Value))));
        named.AddRange(dependencies.Select(d => new KeyValuePair<string, string>($"step {d.Target}", d.Hash)));
        return new CacheKey(target, named, paths);
    }

    /// <summary>What differs from an earlier key's inputs, one line each; for a path, the files that changed.</summary>
    public IEnumerable<string> Changes(LastRun last)
    {
        var before = last.Inputs.ToDictionary(i => i[0], i => i[1]);
        var now = Inputs.ToDictionary(i => i.Key, i => i.Value);
        foreach (var name in before.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            var (old, current) = (before.GetValueOrDefault(name), now.GetValueOrDefault(name));
            if (old == current) continue;
            if (name.StartsWith("path ") && last.Files.GetValueOrDefault(name[5..]) is { } oldFiles
                && Paths.FirstOrDefault(p => p.Path == name[5..]) is { } path)
                yield return $"{name} changed: {FileChanges(oldFiles, path.Files)}";
            else yield return $"{name}: {Show(old)} -> {Show(current)}";
        }
    }

    private static string FileChanges(IReadOnlyDictionary<string, string> before,
        IReadOnlyDictionary<string, string> now)
    {
        var changes = before.Keys.Union(now.Keys).Order(StringComparer.Ordinal)
            .Where(f => before.GetValueOrDefault(f) != now.GetValueOrDefault(f))
            .Select(f => !before.ContainsKey(f) ? $"{f} added" : !now.ContainsKey(f) ? $"{f} removed" : $"{f} edited")
            .ToList();
        return changes.Count <= 5 ? string.Join(", ", changes)
            : string.Join(", ", changes.Take(5)) + $" and {changes.Count - 5} more";
    }

    /// <summary>A long or many-line value (config.cmake's text) by its hash: --explain stays readable.</summary>
    private static string Digest(string value) =>
        value.Length <= 100 && !value.Contains('\n') ? value : $"sha256:{InputHashing.Sha256(value)[..16]}";

    private static string Show(string? value) =>
        value is null ? "(none)" : value.Length > 40 ? value[..12] + "…" : value;
}
