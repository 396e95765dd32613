namespace TvmBuild.Engine;

/// <summary>The store <c>--result-cache</c> names: none, local (the default), s3://bucket/prefix or
/// redis://host:port.</summary>
public static class CacheStores
{
    public const string Values = "none, local, s3://bucket/prefix or redis://host:port";

    /// <summary>The store, or null for none; a value of another form is the user's mistake.</summary>
    public static ICacheStore? Open(string location, LocalStore local, Func<string, string?> environment)
    {
        if (location is "none") return null;
        if (location is "local" or "") return local;
        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri) || uri.Host.Length == 0
            || uri.Scheme is not ("s3" or "redis"))
            throw new BuildFailure($"--result-cache '{location}' is not a store tvm-build knows.",
                $"Give {Values} (or set TVM_BUILD_RESULT_CACHE).");
        return uri.Scheme == "s3" ? OpenS3(uri, environment) : OpenRedis(uri);
    }

    // Apart, so that the AWS SDK and the redis client load only when one is named.
    private static ICacheStore OpenS3(Uri uri, Func<string, string?> environment) => new S3Store(uri, environment);

    private static ICacheStore OpenRedis(Uri uri) => new RedisStore(uri);

    /// <summary>A size such as 10G, 500M or 2000000 (bytes).</summary>
    public static long ParseSize(string text)
    {
        var units = new Dictionary<char, long>
        {
            ['K'] = 1L << 10, ['M'] = 1L << 20, ['G'] = 1L << 30, ['T'] = 1L << 40,
        };
        var trimmed = text.Trim().ToUpperInvariant().TrimEnd('B');
        var unit = trimmed.Length > 0 && units.TryGetValue(trimmed[^1], out var factor) ? factor : 1;
        return long.TryParse(unit == 1 ? trimmed : trimmed[..^1], out var number) && number > 0 ? number * unit
            : throw new BuildFailure($"--result-cache-size '{text}' is not a size.", "Give e.g. 10G, 500M.");
    }
}
