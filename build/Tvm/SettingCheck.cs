namespace TvmBuild.Tvm;

/// <summary>One thing a preset's setting needs from this machine: found (what), or missing with how to get it and
/// what --native sets instead.</summary>
/// <param name="InTree">A folder of the tree (a submodule): a CI image does not bring it.</param>
public sealed record SettingCheck(string Setting, string Need, string? Found, string Hint, ConfigSetting? Native,
    bool InTree = false);
