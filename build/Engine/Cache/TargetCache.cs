using Microsoft.Extensions.FileSystemGlobbing;
using Serilog;

namespace TvmBuild.Engine;

/// <summary>Runs only what changed: a planned target that declared <c>.Inputs(...)</c> gets a key (CacheKey); when the
/// store holds a passed result for it, the target does not run: its outputs are restored, its summary lines are
/// printed as that run printed them, and the targets only it needed are not run either. A target that runs and
/// passes is recorded. Any trouble with the store costs one warning and the step runs; a bad entry is named and
/// ignored.</summary>
internal sealed class TargetCache
{
    private sealed class Step(StepInputs inputs, CacheKey key)
    {
        public StepInputs Inputs { get; } = inputs;
        public CacheKey Key { get; } = key;
        public CacheEntry? Entry { get; set; }
        public bool Reused { get; set; }
    }

    private readonly NukeBuild _build;
    private readonly LocalStore _local;
    private ICacheStore? _store;
    private readonly Dictionary<ExecutableTarget, Step> _steps = [];

    private TargetCache(NukeBuild build, LocalStore local, ICacheStore? store)
    {
        _build = build;
        _local = local;
        _store = store;
    }

    /// <summary>The cache of this run; none under --dry-run (nothing runs, so nothing is reused or recorded).</summary>
    public static TargetCache? Create(NukeBuild build)
    {
        if (build.DryRun || !build.ExecutionPlan.Any(t => t.Definition.InputsFactory is not null)) return null;
        Func<string, string?> environment = Environment.GetEnvironmentVariable;
        var local = new LocalStore(LocalStore.DefaultRoot(environment),
            CacheStores.ParseSize(build.ResultCacheSize ?? "10G"));
        var location = build.ResultCache ?? "local";
        if (location == "none" && !build.Explain) return null;
        ICacheStore? store = null;
        try
        {
            store = CacheStores.Open(location, local, environment);
        }
        catch (Exception e) when (e is not BuildFailure)
        {
            Log.Warning("Result cache {Location} is unavailable ({Reason}); every step runs", location, Reason(e));
        }
        return new TargetCache(build, local, store);
    }

    /// <summary>Keys for the planned targets, then, from the last target back, what is reused and what no target
    /// needs any more.</summary>
    public void Prepare(IReadOnlyList<ExecutableTarget> plan)
    {
        var version = CacheKey.VersionOf(_build.RootDirectory);
        // A skipped target gets a key too: the targets after it read what it left (UnitTest --skip Compile).
        foreach (var target in plan)
        {
            if (target.Definition.InputsFactory is not { } factory) continue;
            StepInputs? inputs;
            try { inputs = factory(); }
            catch (BuildFailure) { continue; } // the target fails when it runs, and says why
            if (inputs is null) continue;
            var dependencies = target.TransitiveDependencies.Where(_steps.ContainsKey)
                .OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => _steps[d].Key);
            var step = new Step(inputs, CacheKey.Of(target.Name, version, inputs, dependencies));
            _steps[target] = step;
            if (_build.Explain && target.Status != ExecutionStatus.Skipped) Explain(target, step);
        }
        var needed = new HashSet<ExecutableTarget>();
        var settled = new HashSet<ExecutableTarget>(); // reused, or failing for want of a result (--from-cache)
        var reusedBy = new Dictionary<ExecutableTarget, List<string>>();
        foreach (var target in plan.Reverse().Where(t => t.Status != ExecutionStatus.Skipped))
        {
            var dependents = plan.Where(d => d.ExecutionDependencies.Contains(target)).ToList();
            if (!target.Invoked && dependents.Count > 0
                && dependents.All(d => !needed.Contains(d) || settled.Contains(d)))
            {
                target.Status = ExecutionStatus.Skipped;
                reusedBy[target] = dependents.SelectMany(d => settled.Contains(d) ? [d.Name]
                    : reusedBy.GetValueOrDefault(d) ?? []).Distinct().Order(StringComparer.Ordinal).ToList();
                target.SkipReason = $"not needed: {string.Join(", ", reusedBy[target])} reused";
                continue;
            }
            needed.Add(target);
            if (!_steps.TryGetValue(target, out var step)) continue;
            if (!_build.NoCache) step.Entry = Lookup(target, step);
            if (step.Entry is not null || step.Inputs.FromCacheOnly) settled.Add(target);
        }
    }

    /// <summary>True when the target's result was reused (restored and reported); false: run it.</summary>
    public bool TryReuse(ExecutableTarget target)
    {
        if (!_steps.TryGetValue(target, out var step)) return false;
        var problem = step.Entry is null ? "no result of these inputs is stored" : Restore(step, step.Entry);
        if (problem is not null)
        {
            if (step.Inputs.FromCacheOnly)
                throw new BuildFailure(
                    $"--from-cache: {problem} for {target.Name} in {StoreName} (key {step.Key.Short}).",
                    $"Run {target.Name} without --from-cache to build it, or point --result-cache at the store CI " +
                    "fills (s3://bucket/prefix or redis://host:port).");
            if (step.Entry is not null) Log.Warning("Result cache: {Problem}; {Target} runs", problem, target.Name);
            return false;
        }
        var entry = step.Entry!;
        foreach (var pair in entry.Summary) _build.ReportSummary(pair[0], pair[1]);
        Log.Information("{Target}: passed with these inputs at {Commit} on {Date:yyyy-MM-dd}, key {Key}; " +
                        "--no-cache runs it", target.Name, entry.Commit, entry.Created, step.Key.Short);
        target.Note = $"reused (key {step.Key.Short})";
        step.Reused = true;
        return true;
    }

    /// <summary>After the target: its key is remembered for --explain; a pass is recorded.</summary>
    public void Finished(ExecutableTarget target, IReadOnlyList<(string Key, string Value)> summaryBefore)
    {
        if (!_steps.TryGetValue(target, out var step)) return;
        try
        {
            new LastRun
            {
                Key = step.Key.Hash, When = DateTime.UtcNow,
                Inputs = [.. step.Key.Inputs.Select(i => new List<string> { i.Key, i.Value })],
                Files = step.Key.Paths.ToDictionary(p => p.Path, p => p.Files.ToDictionary()),
            }.Write(LastRunFile(target, step));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.Verbose("Could not remember {Target}'s inputs: {Message}", target.Name, e.Message);
        }
        if (target.Status != ExecutionStatus.Succeeded || step.Reused || _store is null) return;
        var summary = _build.SummaryPairs.Where(p => !summaryBefore.Contains(p))
            .Select(p => new List<string> { p.Key, p.Value }).ToList();
        Guard(() =>
        {
            var outputs = Outputs(step.Inputs).ToList();
            foreach (var (file, output) in outputs)
                if (!_store.Exists($"blobs/{output.Sha256}")) _store.Upload($"blobs/{output.Sha256}", file);
            var entry = new CacheEntry
            {
                Key = step.Key.Hash, Target = target.Name, Created = DateTime.UtcNow, Commit = Commit(step),
                Inputs = [.. step.Key.Inputs.Select(i => new List<string> { i.Key, i.Value })],
                Summary = summary, Outputs = [.. outputs.Select(o => o.Output)],
            };
            _store.Write($"entries/{step.Key.Hash}.json", entry.Serialize());
            Log.Information("Result cache: recorded {Target} (key {Key}, {Count} output files) in {Store}",
                target.Name, step.Key.Short, outputs.Count, _store.Name);
            if (_store == _local) _local.Evict();
            return true;
        });
    }

    private string StoreName => _store?.Name ?? "no store";

    private CacheEntry? Lookup(ExecutableTarget target, Step step)
    {
        var bytes = Guard(() => _store!.Read($"entries/{step.Key.Hash}.json"));
        if (bytes is null) return null;
        var entry = CacheEntry.Read(bytes, step.Key.Hash, out var problem);
        if (problem is not null)
            Log.Warning("Result cache {Store}: the entry for {Target} (key {Key}) is {Problem}; ignored, {Target} runs",
                StoreName, target.Name, step.Key.Short, problem, target.Name);
        else if (step.Inputs.NeedsOutputs && entry!.Outputs.Count == 0) return null;
        return entry;
    }

    /// <summary>Puts the entry's outputs in place (a file that already has the content stays); null, or what went
    /// wrong.</summary>
    private string? Restore(Step step, CacheEntry entry)
    {
        var root = step.Inputs.OutputRoot ?? step.Inputs.Tree;
        foreach (var output in entry.Outputs)
        {
            var file = root / output.Path;
            if (file.FileExists() && InputHashing.FileSha256(file) == output.Sha256) continue;
            file.Parent.CreateDirectory();
            var temporary = $"{file}.{Environment.ProcessId}.restore";
            try
            {
                var found = Guard(() => _store!.Download($"blobs/{output.Sha256}", temporary));
                if (!found) return $"{output.Path} of key {step.Key.Short} is missing from {StoreName}";
                if (InputHashing.FileSha256(temporary) != output.Sha256)
                    return $"{output.Path} of key {step.Key.Short} is corrupt in {StoreName} (its content differs)";
                if (output.Executable && !OperatingSystem.IsWindows())
                    File.SetUnixFileMode(temporary, File.GetUnixFileMode(temporary) | UnixFileMode.UserExecute
                        | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
                File.Move(temporary, file, overwrite: true);
            }
            finally
            {
                if (File.Exists(temporary)) File.Delete(temporary);
            }
        }
        return null;
    }

    private static IEnumerable<(string File, CacheOutput Output)> Outputs(StepInputs inputs)
    {
        var root = inputs.OutputRoot ?? inputs.Tree;
        if (inputs.Outputs.Count == 0 || !root.DirectoryExists()) yield break;
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(inputs.Outputs);
        foreach (var file in matcher.GetResultsInFullPath(root).Order(StringComparer.Ordinal))
        {
            var executable = !OperatingSystem.IsWindows()
                && File.GetUnixFileMode(file).HasFlag(UnixFileMode.UserExecute);
            yield return (file, new CacheOutput(Path.GetRelativePath(root, file).Replace('\\', '/'),
                InputHashing.FileSha256(file), new FileInfo(file).Length, executable));
        }
    }

    private static string Commit(Step step)
    {
        if (InputHashing.Head(step.Inputs.Tree) is not { } head) return "a tree outside git";
        return step.Key.Paths.Any(p => p.Files.Values.Any(v => v.StartsWith("file:")))
            ? $"{head} with uncommitted edits" : head;
    }

    private void Explain(ExecutableTarget target, Step step)
    {
        Log.Information("--explain {Target}: key {Key}, from {Count} inputs", target.Name, step.Key.Short,
            step.Key.Inputs.Count);
        foreach (var (name, value) in step.Key.Inputs) Log.Information("    {Name} = {Value}", name, value);
        var last = LastRun.Read(LastRunFile(target, step));
        if (last is null) Log.Information("  no earlier run of {Target} on this tree is recorded here", target.Name);
        else if (last.Key == step.Key.Hash)
            Log.Information("  the same inputs as the last run here ({When:yyyy-MM-dd HH:mm})", last.When);
        else
            foreach (var change in step.Key.Changes(last))
                Log.Information("  since the last run here ({When:yyyy-MM-dd HH:mm}): {Change}", last.When, change);
    }

    private AbsolutePath LastRunFile(ExecutableTarget target, Step step) =>
        _local.Root / "last" /
        $"{InputHashing.Sha256($"{target.Name}\n{step.Inputs.Tree}\n{step.Inputs.OutputRoot}")[..24]}.json";

    /// <summary>A store call; when the store fails, one warning, and the run goes on without it.</summary>
    private T? Guard<T>(Func<T> call)
    {
        if (_store is null) return default;
        try { return call(); }
        catch (Exception e) when (e is not BuildFailure and not OperationCanceledException)
        {
            Log.Warning("Result cache {Store} is unavailable ({Reason}); going on without it", _store.Name, Reason(e));
            _store = null;
            return default;
        }
    }

    private static string Reason(Exception e) => S3Reason(e) ?? e.Message.Split('\n')[0];

    private static string? S3Reason(Exception e) => e.GetType().Namespace?.StartsWith("Amazon") == true
        ? S3Store.Describe(e) : null;
}
