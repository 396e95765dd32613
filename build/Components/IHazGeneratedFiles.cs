using Serilog;
using TvmBuild.Engine;

/// <summary>Data and one rule for the targets that write generated files (GenerateCi, GenerateDocs): everything is
/// made in memory first, so a failure leaves the old files; with --check each stale file is shown as a diff and
/// fails.</summary>
interface IHazGeneratedFiles : INukeBuild
{
    [Parameter("GenerateCi, GenerateDocs: fail with a diff when the committed files differ from what would be " +
               "generated; Adopt: print the diff it would make to the TVM tree, and fail when it would make one.",
        For = ["GenerateCi", "GenerateDocs", "Adopt"])]
    bool Check => TryGetValue<bool?>(() => Check) ?? false;

    void WriteOrCheck(IReadOnlyDictionary<string, string> files, AbsolutePath root, string source, string target)
    {
        if (Check)
        {
            var stale = Stale(files, root);
            foreach (var (path, text) in stale) Console.Out.Write(UnifiedDiff.Of(Runner, root / path, text, path));
            if (stale.Count > 0)
                throw new BuildFailure(
                    $"{string.Join(", ", stale.Select(f => f.Key))} differ from what {source} generates.",
                    $"Run ./build.sh {target} and commit the result.");
            Log.Information("The generated files match {Source}", source);
            return;
        }
        // A file that already says it is left alone (its time too, which make-like tools and editors watch).
        var changed = Stale(files, root);
        foreach (var (path, text) in changed)
        {
            if (Runner.DryRun) { Console.Out.WriteLine($"# would write {root / path}"); continue; }
            (root / path).WriteAllTextAtomically(text);
            Log.Information("Wrote {File}", root / path);
        }
        if (changed.Count == 0) Log.Information("The generated files match {Source}: nothing to write", source);
    }

    /// <summary>The files whose text on disk is not the generated one (or that do not exist).</summary>
    static List<KeyValuePair<string, string>> Stale(IReadOnlyDictionary<string, string> files, AbsolutePath root) =>
        [.. files.Where(f => !(root / f.Key).FileExists() || (root / f.Key).ReadAllText() != f.Value)];
}
