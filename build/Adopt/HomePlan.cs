using Microsoft.Extensions.FileSystemGlobbing;
using TvmBuild.Engine;
using TvmBuild.Tvm;

namespace TvmBuild.Adopt;

/// <summary>The files of tvm-build's home in a TVM tree, worked out in memory from build/adopt.yaml: the build's own
/// files, the guide, the generated CI files, the contributor page, and TVM's .gitignore and guide index
/// edits.</summary>
public static class HomePlan
{
    public static List<FileChange> Make(AdoptManifest manifest, LayoutHome layout, AbsolutePath buildRoot,
        AbsolutePath tvm,
        IReadOnlyDictionary<string, string> ciFiles)
    {
        var changes = new List<FileChange>();
        foreach (var file in Files(buildRoot, manifest.Home, manifest.Output))
            changes.Add(new FileChange(file, File.ReadAllBytes(buildRoot / file),
                FileChange.IsExecutable(buildRoot / file), ChangeKind.Write));

        var guideHere = buildRoot / (Layouts.IsTvmTree(buildRoot) ? manifest.Guide.To : manifest.Guide.From);
        var pages = guideHere.GlobFiles("*.md").ToList();
        foreach (var page in pages)
            changes.Add(new FileChange($"{manifest.Guide.To}/{page.Name}", File.ReadAllBytes(page), false,
                ChangeKind.Write));
        foreach (var (path, text) in manifest.PlaceCiFiles(ciFiles))
            changes.Add(FileChange.Text(path, text, ChangeKind.Write));
        var titled = pages.OrderBy(p => p.Name == "README.md" ? 0 : 1).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => (p.Name, ContributorGuide.Title(p.ReadAllText()))).ToList();
        changes.Add(FileChange.Text(layout.ContributorPage, ContributorGuide.Page(manifest.Guide.To, titled),
            ChangeKind.Write));

        var index = tvm / layout.ContributorIndex;
        if (!index.FileExists())
            throw new BuildFailure($"{tvm} has no {layout.ContributorIndex}, where the guide is linked from.",
                "build/adopt.yaml names it per layout (contributor_index); check --tvm-home.");
        var entry = Path.GetRelativePath(Path.GetDirectoryName(layout.ContributorIndex)!,
            Path.ChangeExtension(layout.ContributorPage, null));
        var linked = ContributorGuide.WithTocEntry(index.ReadAllText(), entry)
            ?? throw new BuildFailure($"{index} has no toctree to link the guide from.",
                "Add one, or link the page by hand.");
        changes.Add(FileChange.Text(layout.ContributorIndex, linked, ChangeKind.Edit));

        changes.Add(GitIgnore(tvm, changes.Select(c => c.Path).ToList(), manifest.Output));
        return changes;
    }

    /// <summary>Files of <paramref name="root"/> matching the globs, outside the output folders (relative paths, with
    /// slashes).</summary>
    public static List<string> Files(AbsolutePath root, IEnumerable<string> globs, IEnumerable<string> output)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(globs);
        matcher.AddExcludePatterns(output.Select(o => o.TrimEnd('/') + "/**"));
        return matcher.GetResultsInFullPath(root).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToList();
    }

    private static FileChange GitIgnore(AbsolutePath tvm, IReadOnlyList<string> home, IReadOnlyList<string> output)
    {
        var root = tvm / ".gitignore";
        var current = root.FileExists() ? root.ReadAllText() : "";
        var ignoreFiles = (Repo.IsWorkTree(tvm) ? Repo.Tracked(tvm, "*.gitignore") : [])
            .Where(p => Path.GetFileName(p) == ".gitignore" && p != ".gitignore" && (tvm / p).FileExists())
            .ToDictionary(p => p, p => (tvm / p).ReadAllText());
        ignoreFiles[".gitignore"] = GitIgnoreBlock.Without(current);
        var lines = GitIgnoreBlock.Compute(ignoreFiles, home, output);
        return FileChange.Text(".gitignore", GitIgnoreBlock.With(current, lines), ChangeKind.Edit);
    }
}
