using TvmBuild.Engine;

namespace TvmBuild.Docs;

/// <summary>Watches the docs sources and wakes once changes have settled (debounced), ignoring build output.</summary>
public sealed class DocsWatcher : IDisposable
{
    private static readonly string[] Ignored = ["_build", "_staging", "gen_modules", "doxygen", "__pycache__", ".git"];
    private readonly FileSystemWatcher _watcher;
    private readonly TimeSpan _quiet;
    private readonly SemaphoreSlim _changed = new(0);
    private DateTime _last;

    public DocsWatcher(AbsolutePath directory, TimeSpan quiet)
    {
        _quiet = quiet;
        _watcher = new FileSystemWatcher(directory) { IncludeSubdirectories = true, EnableRaisingEvents = true };
        _watcher.Changed += OnChange;
        _watcher.Created += OnChange;
        _watcher.Deleted += OnChange;
        _watcher.Renamed += OnChange;
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        if (e.Name is null || e.Name.Split('/').Any(Ignored.Contains)
            || e.Name.EndsWith('~') || e.Name.EndsWith(".swp")) return;
        lock (this) _last = DateTime.UtcNow;
        if (_changed.CurrentCount == 0) _changed.Release();
    }

    public async Task WaitForChange(CancellationToken cancellation)
    {
        await _changed.WaitAsync(cancellation);
        while (true) // let a burst of saves settle
        {
            TimeSpan since;
            lock (this) since = DateTime.UtcNow - _last;
            if (since >= _quiet) break;
            await Task.Delay(_quiet - since, cancellation);
        }
        while (_changed.CurrentCount > 0) await _changed.WaitAsync(cancellation);
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _changed.Dispose();
    }
}
