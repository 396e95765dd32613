using System.Text;
using System.Text.Json;

namespace TvmBuild.Engine;

/// <summary>One recorded result: the key and its inputs, where and when it was made, what the run reported under the
/// summary table, and its outputs (each stored once, by content, as <c>blobs/&lt;sha256&gt;</c>). Stored as
/// <c>entries/&lt;key&gt;.json</c>: a first line with the SHA-256 of the rest, so that a truncated, edited or foreign
/// entry is told apart from a good one.</summary>
public sealed record CacheEntry
{
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;
    public required string Key { get; init; }
    public required string Target { get; init; }
    public required List<List<string>> Inputs { get; init; }
    public required string Commit { get; init; }
    public required DateTime Created { get; init; }
    public int ExitCode { get; init; }
    public List<List<string>> Summary { get; init; } = [];
    public List<CacheOutput> Outputs { get; init; } = [];

    public byte[] Serialize()
    {
        var body = JsonSerializer.Serialize(this, CacheJson.Default.CacheEntry);
        return Encoding.UTF8.GetBytes(InputHashing.Sha256(body) + "\n" + body);
    }

    /// <summary>The entry, or why it cannot be used (truncated, corrupt, another format or key).</summary>
    public static CacheEntry? Read(byte[] bytes, string key, out string? problem)
    {
        problem = null;
        var text = Encoding.UTF8.GetString(bytes);
        var newline = text.IndexOf('\n');
        if (newline != 64 || InputHashing.Sha256(text[(newline + 1)..]) != text[..newline])
        {
            problem = "corrupt or truncated (its checksum does not match)";
            return null;
        }
        try
        {
            var entry = JsonSerializer.Deserialize(text[(newline + 1)..], CacheJson.Default.CacheEntry);
            if (entry is null || entry.Format != CurrentFormat || entry.Key != key)
                problem = entry?.Format != CurrentFormat ? $"of another format ({entry?.Format})"
                    : $"foreign (it records key {entry.Key})";
            return problem is null ? entry : null;
        }
        catch (JsonException e)
        {
            problem = $"unreadable ({e.Message.Split('.')[0]})";
            return null;
        }
    }
}
