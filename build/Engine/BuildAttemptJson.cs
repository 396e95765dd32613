using System.Text.Json.Serialization;

namespace TvmBuild.Engine;

/// <summary>The attempt file's JSON, written at compile time (System.Text.Json's source generator): every run saves
/// one, and reflection-based serialization cost a warm start ~20 ms.</summary>
[JsonSerializable(typeof(BuildAttempt.Saved))]
internal sealed partial class BuildAttemptJson : JsonSerializerContext;
