using System.Collections.Concurrent;

namespace TvmBuild.Engine;

/// <summary>What components remember within one run (interfaces hold no fields): a value per key, made once. It
/// belongs to the build instance, so two builds in one process never share it.</summary>
public sealed class BuildSession
{
    private readonly ConcurrentDictionary<(Type, object), object?> _values = new();

    public T GetOrAdd<T>(object key, Func<T> create) => (T)_values.GetOrAdd((typeof(T), key), _ => create())!;

    public bool Contains<T>(object key) => _values.ContainsKey((typeof(T), key));
}
