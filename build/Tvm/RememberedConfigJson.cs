using System.Text.Json.Serialization;

namespace TvmBuild.Tvm;

/// <summary>The remembered configuration's JSON, written at compile time (System.Text.Json's source generator):
/// Configure reads it on every run.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(RememberedConfig))]
internal sealed partial class RememberedConfigJson : JsonSerializerContext;
