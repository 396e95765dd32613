using TvmBuild.Engine;

namespace TvmBuild.Docs;

/// <summary>TVM's docs Makefile builds from a staging copy, so that what sphinx-gallery writes stays out of the tree.
/// Only changed files are copied (their times kept), so Sphinx's incremental build sees only real changes.</summary>
public static class DocsStaging
{
    private static readonly string[] Skipped = ["_build", "_staging", "gen_modules", "doxygen", "__pycache__"];

    public static void Sync(AbsolutePath source, AbsolutePath staging)
    {
        staging.CreateDirectory();
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split('/').Any(Skipped.Contains)) continue;
            var target = Path.Combine(staging, relative);
            var from = new FileInfo(file);
            var to = new FileInfo(target);
            if (to.Exists && to.Length == from.Length && to.LastWriteTimeUtc == from.LastWriteTimeUtc) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            from.CopyTo(target, overwrite: true);
            File.SetLastWriteTimeUtc(target, from.LastWriteTimeUtc);
        }
    }
}
