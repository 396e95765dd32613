namespace TvmBuild.Tools;

/// <summary>What a compiler cache counted during one build.</summary>
public sealed record CacheStats(string Tool, long Hits, long Misses, long RemoteHits)
{
    public static CacheStats operator -(CacheStats after, CacheStats before) =>
        after with
        {
            Hits = after.Hits - before.Hits,
            Misses = after.Misses - before.Misses,
            RemoteHits = after.RemoteHits - before.RemoteHits,
        };

    public override string ToString()
    {
        var total = Hits + Misses;
        var rate = total == 0 ? "" : $" ({100.0 * Hits / total:0.#}% hits)";
        var remote = RemoteHits > 0 ? $" ({RemoteHits} from remote storage)" : "";
        return $"{Tool}: {Hits} hits{remote}, {Misses} misses{rate}";
    }
}
