using YamlDotNet.Serialization;

namespace TvmBuild.Tvm;

/// <summary>YamlDotNet's underscored and hyphenated naming (<c>CiGcc</c> → <c>ci_gcc</c>, <c>RootlessAware</c> →
/// <c>rootless-aware</c>: every capital but the first starts a word) without its regular expressions, which cost
/// reading layouts.yaml on every run ~15 ms.</summary>
public sealed class SeparatedNames(char separator) : INamingConvention
{
    public static readonly SeparatedNames Underscored = new('_');
    public static readonly SeparatedNames Hyphenated = new('-');

    public string Apply(string value)
    {
        var name = new System.Text.StringBuilder(value.Length + 4);
        for (var i = 0; i < value.Length; i++)
        {
            if (i > 0 && char.IsUpper(value[i])) name.Append(separator);
            name.Append(char.ToLowerInvariant(value[i]));
        }
        return name.ToString();
    }

    public string Reverse(string value)
    {
        var name = new System.Text.StringBuilder(value.Length);
        var upper = true;
        foreach (var c in value)
        {
            if (c == separator) { upper = true; continue; }
            name.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return name.ToString();
    }
}
