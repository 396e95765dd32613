using System.Collections.Concurrent;

namespace TvmBuild.Engine;

/// <summary>What components remember within one run (interfaces hold no fields): a value per key, made once. It
/// belongs to the build instance, so two builds in one process never share it.</summary>
public sealed class BuildSession : IDisposable
{
    private readonly ConcurrentDictionary<Key, object?> _values = new();

    public T GetOrAdd<T>(object key, Func<T> create) => (T)_values.GetOrAdd(new Key(typeof(T), key), _ => create())!;

    public bool Contains<T>(object key) => _values.ContainsKey(new Key(typeof(T), key));

    /// <summary>Ends the run: what it holds open (a build directory's lock) is released now, not when the process
    /// exits, so a later build in the same process finds it free.</summary>
    public void Dispose()
    {
        foreach (var value in _values.Values.OfType<IDisposable>()) value.Dispose();
        _values.Clear();
    }

    /// <summary>A class, not a tuple: a dictionary keyed by a value type is compiled at start-up.</summary>
    private sealed record Key(Type Type, object Value);
}
