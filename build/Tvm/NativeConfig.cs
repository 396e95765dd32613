using TvmBuild.Tools;

namespace TvmBuild.Tvm;

/// <summary>One thing a preset's setting needs from this machine: found (what), or missing with how to get it and
/// what --native sets instead.</summary>
public sealed record SettingCheck(string Setting, string Need, string? Found, string Hint, ConfigSetting? Native);

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
        var quoted = Value.Length > 0 && Value.All(c => char.IsLetterOrDigit(c) || " _./+=:,-".Contains(c)) && Value.Contains(' ')
            ? $"\"{Value}\"" : CMake.Argument(Value);
        return $"set({Key} {quoted})";
    }
}

/// <summary>--native: what a preset needs that this machine lacks, and the setting that builds without it. Features
/// (layouts.yaml's <c>features</c>) turn OFF without what they need; USE_LLVM points at the newest llvm-config the
/// tree accepts (else OFF); -Werror goes for a compiler newer than the CI image's. Doctor shows the same
/// checks.</summary>
public static class NativeConfig
{
    public static List<SettingCheck> Check(IReadOnlyList<ConfigSetting> settings, Layout layout, Machine machine, string tvmRoot)
    {
        var values = new Dictionary<string, string>();
        foreach (var s in settings) values[s.Key] = s.Value; // later lines win, as in CMake
        var checks = new List<SettingCheck>();
        foreach (var (key, value) in values)
        {
            var setting = new ConfigSetting(key, value);
            if (key == "USE_LLVM" && setting.IsOn && value.ToUpperInvariant() != "ON") checks.Add(Llvm(setting, layout, machine));
            else if (key == "CMAKE_CXX_FLAGS" && value.Split(' ').Contains("-Werror") && Werror(setting, layout, machine) is { } w) checks.Add(w);
            else if (layout.Features.TryGetValue(key, out var feature) && setting.IsOn
                     && (feature.When is null || feature.When.Contains(value, StringComparer.OrdinalIgnoreCase)))
                checks.AddRange(Feature(setting, feature, values, machine, tvmRoot, layout.CiGcc));
        }
        return checks;
    }

    /// <summary>The changes --native makes: one setting per missing need (the first reason wins).</summary>
    public static List<ConfigSetting> Changes(IEnumerable<SettingCheck> checks) =>
        checks.Where(c => c.Found is null && c.Native is not null).Select(c => c.Native!)
            .GroupBy(c => c.Key).Select(g => g.First()).ToList();

    private static IEnumerable<SettingCheck> Feature(ConfigSetting setting, Feature feature, IReadOnlyDictionary<string, string> values,
        Machine machine, string tvmRoot, int? ciGcc)
    {
        var needs = feature.Needs.Select(n => Expand(n, values)).ToList();
        if (setting.Value.StartsWith('/')) needs.Add($"path:{setting.Value}");
        foreach (var need in needs.Distinct())
        {
            var (kind, what) = need.Split(':', 2) is [var k, var w] ? (k, w) : ("path", need);
            if (what.Length == 0) what = feature.Needs.First(n => Expand(n, values) == need).Split(':', 2)[^1]; // an unset ${KEY}
            var found = kind switch
            {
                "library" => machine.Library(what),
                "command" => machine.Program(what),
                "module" => machine.Module(what),
                "tree" => Machine.TreeFolder(TvmBuild.Engine.AbsolutePath.Create(tvmRoot), what),
                "compiler" => machine.Compiler() is { } c && (ciGcc is null || (c.Kind == "g++" && c.Major <= ciGcc))
                    ? $"{c.Kind} {c.Major}" : null,
                _ => Machine.ExistingPath(what),
            };
            var description = kind switch
            {
                "library" => $"lib{what}.so",
                "command" => what,
                "module" => $"Python module {what}",
                "tree" => $"{what} (submodule)",
                "compiler" => $"a compiler no newer than CI's gcc {ciGcc} ({what})",
                _ => what,
            };
            var hint = kind switch
            {
                "tree" => $"git submodule update --init {what}",
                "compiler" => $"CXX=g++-{ciGcc} CC=gcc-{ciGcc}, or --docker",
                "module" => Packages.Source(what),
                _ when feature.Package is { } package => $"apt-get install {package}",
                "library" or "command" => Packages.Source(what),
                _ => $"the CI image has {what}",
            };
            var missing = kind == "compiler" && machine.Compiler() is { } compiler
                ? $"{compiler.Kind} {compiler.Major} is newer than CI's gcc {ciGcc} and {what}" : $"{description} is missing";
            yield return new SettingCheck(setting.Key, description, found, hint,
                new ConfigSetting(setting.Key, "OFF", $"{missing} ({hint})"));
        }
    }

    private static SettingCheck Llvm(ConfigSetting setting, Layout layout, Machine machine)
    {
        var words = setting.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (tool, flags) = (words[0], words[1..]);
        var range = layout.Llvm ?? new LlvmRange();
        var need = $"{tool} ({range})";
        if (machine.LlvmMajor(tool) is { } major && range.Contains(major))
            return new SettingCheck(setting.Key, need, $"{tool}: LLVM {major}", "", null);
        var candidate = machine.LlvmConfigs().Select(c => (Tool: c, Major: machine.LlvmMajor(c)))
            .Where(c => c.Major is { } m && range.Contains(m)).OrderByDescending(c => c.Major)
            .ThenByDescending(c => c.Tool.EndsWith($"-{c.Major}")).ThenBy(c => c.Tool.Length) // llvm-config-14 says which
            .FirstOrDefault();
        var hint = $"apt-get install llvm-N-dev with N {range}";
        if (candidate.Tool is null)
            return new SettingCheck(setting.Key, need, null, hint,
                new ConfigSetting(setting.Key, "OFF", $"no llvm-config {range} here ({hint})"));
        var kept = machine.LlvmLinks(candidate.Tool, flags) ? flags : [];
        var value = string.Join(" ", [candidate.Tool, .. kept]);
        return new SettingCheck(setting.Key, need, null, $"{hint}, or --native uses {candidate.Tool} (LLVM {candidate.Major})",
            new ConfigSetting(setting.Key, value, $"{tool} is missing; {candidate.Tool} (LLVM {candidate.Major}) is the newest " +
                $"this tree accepts{(kept.Length < flags.Length ? $", without {string.Join(" ", flags)} (no static LLVM libraries)" : "")}"));
    }

    private static SettingCheck? Werror(ConfigSetting setting, Layout layout, Machine machine)
    {
        if (machine.Compiler() is not { } compiler || layout.CiGcc is not { } ci) return null;
        var newer = compiler.Kind != "g++" || compiler.Major > ci;
        var need = $"-Werror with CI's gcc {ci}";
        var found = $"{compiler.Kind} {compiler.Major}";
        if (!newer) return new SettingCheck(setting.Key, need, found, "", null);
        var flags = string.Join(" ", setting.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(f => f != "-Werror"));
        return new SettingCheck(setting.Key, need, null, $"{found} warns where gcc {ci} did not: --native drops -Werror",
            new ConfigSetting(setting.Key, flags, $"{found} is newer than CI's gcc {ci}, whose warnings -Werror was set for"));
    }

    private static string Expand(string text, IReadOnlyDictionary<string, string> values) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\$\{([A-Za-z_][A-Za-z0-9_]*)\}", m => values.GetValueOrDefault(m.Groups[1].Value, ""));
}
