using TvmBuild.Ci;

namespace TvmBuild.Tests.Coverage;

/// <summary>A mapped stage's artifacts against its task's produces and needs. TVM's stages move them through S3:
/// s3.py uploads files (data.py's bundles, or items) under a prefix, and a test stage downloads the whole prefix. A
/// task stashes the same files, in the same order, with TVM's build/ as the build directory of the config that built
/// it (build-gpu/ for task_config_build_gpu.sh), and needs the tasks whose stages uploaded what its stage downloads.
/// A file named in left_out or done_elsewhere is not compared.</summary>
public static class StashCoverage
{
    public static void Check(List<string> problems, string where, TvmCi tvm, TvmPipeline pipeline, TvmStep step,
        CiTaskSpec task, CiCatalog catalog, Func<string, bool> accounted)
    {
        var uploads = step.Uploads ?? [];
        var theirs = uploads
            .SelectMany(u => Files(problems, where, tvm, u).Where(f => !accounted(f)).Select(f => Ours(f, u, task)))
            .ToList();
        if (!theirs.SequenceEqual(task.Produces))
            problems.Add($"{where}: produces [{string.Join(", ", task.Produces)}] here, " +
                         $"TVM's stage uploads [{string.Join(", ", theirs)}] ({Describe(uploads, task)})");
        var producers = new List<string>();
        foreach (var download in step.Downloads ?? [])
            foreach (var source in pipeline.Steps.Where(s => s != step))
                if ((source.Uploads ?? []).Any(u => u.Prefix == download.Prefix
                        && Files(problems, where, tvm, u).Any(f => !accounted(f)
                            && (download.Items is null || download.Items.Contains(f))))
                    && catalog.Tasks.FirstOrDefault(t => t.Tvm == new TvmStage(pipeline.Name, source.Name)) is { } by
                    && !producers.Contains(by.Name))
                    producers.Add(by.Name);
        if (!producers.SequenceEqual(task.Needs))
            problems.Add($"{where}: needs [{string.Join(", ", task.Needs)}] here, TVM's stage downloads what " +
                         $"[{string.Join(", ", producers)}] upload" +
                         string.Concat((step.Downloads ?? []).Select(d => $" (s3.py --prefix {d.Prefix})")));
    }

    /// <summary>What an upload names: its bundles' files (data.py), then its items.</summary>
    private static List<string> Files(List<string> problems, string where, TvmCi tvm, TvmStash upload)
    {
        var files = new List<string>();
        foreach (var bundle in upload.Bundles ?? [])
            if (tvm.StashSets?.GetValueOrDefault(bundle) is { } set) files.AddRange(set);
            else if (!problems.Contains(Unknown(where, bundle))) problems.Add(Unknown(where, bundle));
        return [.. files, .. upload.Items ?? []];
    }

    private static string Unknown(string where, string bundle) =>
        $"{where}: s3.py uploads the bundle {bundle}, which ci/jenkins/data.py does not have";

    /// <summary>TVM's build/ is the build directory of the config that built it: build-&lt;config&gt;/.</summary>
    private static string Ours(string file, TvmStash upload, CiTaskSpec task) =>
        file == "build" || file.StartsWith("build/") ? $"build-{Config(upload, task)}{file["build".Length..]}" : file;

    private static string Config(TvmStash upload, CiTaskSpec task) =>
        upload.Build ?? task.Steps.Select(s => s.Parameter("preset")?.FirstOrDefault())
            .FirstOrDefault(p => p is not null) ?? "(no preset)";

    private static string Describe(List<TvmStash> uploads, CiTaskSpec task) => uploads.Count == 0 ? "none"
        : string.Join("; ", uploads.Select(u => string.Join(", ",
            new[]
            {
                u.Bundles is { } bundles ? $"data.py: {string.Join(", ", bundles)}" : null,
                u.Items is { } items ? $"items: {string.Join(", ", items)}" : null,
                u.Bundles is not null ? $"build/ is build-{Config(u, task)}/" : null,
            }.OfType<string>())));
}
