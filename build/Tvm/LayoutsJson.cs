using System.Text.Json.Serialization;

namespace TvmBuild.Tvm;

/// <summary>The parsed layouts.yaml kept as JSON (<see cref="Layouts.Shipped"/>), its code written at compile time
/// (System.Text.Json's source generator). What a tree's detection adds is not kept.</summary>
[JsonSourceGenerationOptions(IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(List<Layout>))]
internal sealed partial class LayoutsJson : JsonSerializerContext;
