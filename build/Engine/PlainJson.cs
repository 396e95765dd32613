using System.Text.Json.Serialization;

namespace TvmBuild.Engine;

/// <summary>The plain JSON values the build reads and writes (npm's version lists, the image table, the docs server's
/// events), written at compile time: a native build has no reflection-based serializer.</summary>
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class PlainJson : JsonSerializerContext;
