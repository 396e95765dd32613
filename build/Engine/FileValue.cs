using System.Text.Json;

namespace TvmBuild.Engine;

/// <summary>One value of a parameters file, with the line it is on (for errors).</summary>
internal sealed record FileValue(JsonElement Value, int Line);
