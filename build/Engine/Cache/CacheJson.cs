using System.Text.Json.Serialization;

namespace TvmBuild.Engine;

/// <summary>The result cache's JSON, written at compile time (System.Text.Json's source generator).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CacheEntry))]
[JsonSerializable(typeof(LastRun))]
internal sealed partial class CacheJson : JsonSerializerContext;
