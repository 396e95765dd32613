using TvmBuild.Tools;

namespace TvmBuild.Tvm;

/// <summary>One config.cmake line: <c>set(KEY VALUE)</c>; the value without the quotes TVM's lines carry.</summary>
public sealed record ConfigSetting(string Key, string Value, string Why = "")
{
    public static ConfigSetting Parse(string line)
    {
        var parts = line.Split(' ', 2);
        var value = parts.Length > 1 ? parts[1].Trim() : "";
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"') value = value[1..^1];
        return new ConfigSetting(parts[0], value);
    }

    public bool IsOn => Value.ToUpperInvariant() is not ("OFF" or "0" or "FALSE" or "NO" or "" or "NONE");

    /// <summary>As config.cmake writes it: a plain word bare, words with spaces in double quotes (TVM's look), anything
    /// else as a bracket argument.</summary>
    public string Line()
    {
        var plainWords = Value.Length > 0 && Value.All(c => char.IsLetterOrDigit(c) || " _./+=:,-".Contains(c));
        var quoted = plainWords && Value.Contains(' ') ? $"\"{Value}\"" : CMake.Argument(Value);
        return $"set({Key} {quoted})";
    }
}
