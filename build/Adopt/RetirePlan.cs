using System.Text;
using Microsoft.Extensions.FileSystemGlobbing;
using TvmBuild.Engine;

namespace TvmBuild.Adopt;

/// <summary>--retire, worked out in memory: the files build/adopt.yaml says the build replaces are removed,
/// forwarders take the paths people type, and what mentions a removed path is updated: documents by the generic rule
/// (the path becomes its new command), code and CI files only by the layout's own edits. Then nothing kept may point
/// at a removed path, or nothing is changed at all.</summary>
public static class RetirePlan
{
    private static readonly string[] Documents = [".md", ".rst", ".txt"];

    public static List<FileChange> Make(AdoptManifest manifest, Retirement data, AbsolutePath tvm,
        IReadOnlyCollection<string> home)
    {
        var tracked = Repo.Tracked(tvm).Where(f => (tvm / f).FileExists()).ToList();
        var removed = new Dictionary<string, Retiree>();
        foreach (var retiree in data.Remove)
            foreach (var file in Matching(tracked, retiree.Path).Where(f => !home.Contains(f)))
                removed.TryAdd(file, retiree);
        var forwards = data.Forward.Where(f => tracked.Contains(f.Key))
            .ToDictionary(f => f.Key, f => Forwarder(manifest, data, f.Value));
        var (mentions, by) = Gone(data, tracked, removed, home);
        var kept = tracked.Where(f => !removed.ContainsKey(f) && !forwards.ContainsKey(f) && !home.Contains(f)
                                      && !f.StartsWith("3rdparty/") && !data.KeepMentions.Any(f.StartsWith)).ToList();

        var texts = new Dictionary<string, string>();
        string Text(string file) => texts.TryGetValue(file, out var t) ? t : ReadText(tvm / file) ?? "";
        foreach (var edit in data.Edits)
        {
            // An edit that does not apply (another tree, another version) is skipped: the check below still holds.
            if (edit.Apply(Text(edit.File)) is { } edited) texts[edit.File] = edited;
            else Serilog.Log.Verbose("Edit of {File} does not apply: {Text}", edit.File,
                edit.DropFunction ?? First(edit.From));
        }
        foreach (var file in data.ListFiles.Where(kept.Contains))
            texts[file] = string.Join("", Lines(Text(file)).Where(l => mentions.In(l, Folder(file)) is null));
        foreach (var file in kept.Where(f => Documents.Contains(Path.GetExtension(f)) && !texts.ContainsKey(f)))
            if (ReadText(tvm / file) is { } text && mentions.Replace(text, by, Folder(file)) is var replaced
                && replaced != text)
                texts[file] = replaced;

        var left = Leftovers(tvm, kept, Text, mentions);
        foreach (var line in left) Serilog.Log.Error("{Leftover}", line);
        if (left.Count > 0)
            throw new BuildFailure($"--retire would leave {left.Count} mentions of removed paths (listed above), " +
                                   $"e.g. {left[0]}.",
                "Nothing was changed. Add an edit (or a list file) for them to build/adopt.yaml.");
        Serilog.Log.Information("--retire: {Removed} files go; none of the {Kept} kept files of the tree names one " +
                                "of them", removed.Count, kept.Count);

        var changes = new List<FileChange>();
        if (Images(tvm, data, removed.Keys) is { } images) changes.Add(images);
        changes.AddRange(forwards.Select(f => FileChange.Text(f.Key, f.Value, ChangeKind.Forward, executable: true,
            why: "prints the new command and runs it")));
        changes.AddRange(texts.Where(t => t.Value != ReadText(tvm / t.Key)).Select(t => new FileChange(t.Key,
            Encoding.UTF8.GetBytes(t.Value), FileChange.IsExecutable(tvm / t.Key), ChangeKind.Rewrite)));
        changes.AddRange(removed.Select(r =>
            new FileChange(r.Key, null, false, ChangeKind.Remove, $"replaced by {r.Value.By}")));
        return changes;
    }

    /// <summary>What a mention must not point at: what goes now, a folder whose files all go, and a listed file that
    /// is gone already (a second run); with what replaced each.</summary>
    private static (Mentions Mentions, Dictionary<string, string> By) Gone(Retirement data,
        IReadOnlyList<string> tracked, IReadOnlyDictionary<string, Retiree> removed, IReadOnlyCollection<string> home)
    {
        var absent = data.Remove.Where(r => !r.Path.Contains('*') && !tracked.Any(f => f == r.Path
                || f.StartsWith(r.Path.TrimEnd('/') + "/", StringComparison.Ordinal)))
            .Select(r => r.Path).ToList();
        var folders = data.Remove.Where(r => r.Path.EndsWith('/') && removed.Values.Contains(r)).Select(r => r.Path);
        var gone = removed.Keys.Concat(folders).Concat(absent).Distinct().ToList();
        var by = gone.ToDictionary(p => p,
            p => removed.TryGetValue(p, out var r) ? r.By : data.Remove.First(x => x.Path == p).By);
        return (new Mentions(gone, tracked.Concat(home).Concat(absent)), by);
    }

    /// <summary>The CI image names, when the file that holds them goes: written where TVM main keeps them, so that
    /// --docker ci_cpu (and ci/Jenkinsfile) still find them.</summary>
    private static FileChange? Images(AbsolutePath tvm, Retirement data, IEnumerable<string> removed)
    {
        if (data.ImagesTo is not { } ini || (tvm / ini).FileExists()) return null;
        var images = TvmBuild.Docker.DockerImages.Read(tvm, out var source);
        if (images.Count == 0 || !removed.Contains(source)) return null;
        var lines = images.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => $"{i.Key}: {i.Value}\n");
        var text = $"# The CI images (moved from {source} by ./build.sh Adopt --retire); tvm-build's --docker reads " +
                   $"them.\n[jenkins]\n{string.Concat(lines)}";
        return FileChange.Text(ini, text, ChangeKind.Rewrite, why: $"the CI image names, from {source}");
    }

    /// <summary>"file:line: removed" for each kept text line that still points at a removed path.</summary>
    private static List<string> Leftovers(AbsolutePath tvm, IEnumerable<string> kept, Func<string, string> text,
        Mentions mentions)
    {
        var left = new List<string>();
        foreach (var file in kept.Where(f => ReadText(tvm / f) is not null))
        {
            var number = 0;
            foreach (var line in Lines(text(file)))
            {
                number++;
                if (mentions.In(line, Folder(file)) is { } removed) left.Add($"{file}:{number} names {removed}");
            }
        }
        return left;
    }

    private static string Forwarder(AdoptManifest manifest, Retirement data, string name)
    {
        var text = manifest.Forwarders.TryGetValue(name, out var template) ? template
            : throw new BuildFailure($"build/adopt.yaml has no forwarder '{name}'.",
                $"Forwarders: {string.Join(", ", manifest.Forwarders.Keys)}.");
        foreach (var (key, value) in data.Variables) text = text.Replace("{{" + key + "}}", value);
        return text;
    }

    private static IEnumerable<string> Matching(IReadOnlyList<string> tracked, string path)
    {
        if (path.EndsWith('/')) return tracked.Where(f => f.StartsWith(path, StringComparison.Ordinal));
        if (!path.Contains('*')) return tracked.Where(f => f == path);
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(path);
        return tracked.Where(f => matcher.Match(f).HasMatches);
    }

    /// <summary>The text of a UTF-8 file, or null for a binary, undecodable or large one.</summary>
    private static string? ReadText(AbsolutePath file)
    {
        if (!file.FileExists() || new FileInfo(file).Length > 2_000_000) return null;
        var bytes = File.ReadAllBytes(file);
        if (bytes.Contains((byte)0)) return null;
        try { return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes); }
        catch (DecoderFallbackException) { return null; }
    }

    private static IEnumerable<string> Lines(string text)
    {
        for (var start = 0; start < text.Length;)
        {
            var end = text.IndexOf('\n', start);
            var next = end < 0 ? text.Length : end + 1;
            yield return text[start..next];
            start = next;
        }
    }

    private static string Folder(string file) => Path.GetDirectoryName(file)?.Replace('\\', '/') ?? "";

    private static string First(string text) => text.Split('\n')[0].Trim();
}
