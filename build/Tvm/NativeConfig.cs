using System.Text.RegularExpressions;
using TvmBuild.Tools;

namespace TvmBuild.Tvm;

/// <summary>--native: what a preset needs that this machine lacks, and the setting that builds without it. Features
/// (layouts.yaml's <c>features</c>) turn OFF without what they need; USE_LLVM points at the newest llvm-config the
/// tree accepts (else OFF); -Werror goes for a compiler newer than the CI image's. Doctor shows the same
/// checks.</summary>
public static partial class NativeConfig
{
    public static List<SettingCheck> Check(IReadOnlyList<ConfigSetting> settings, Layout layout, Machine machine,
        string tvmRoot)
    {
        var values = new Dictionary<string, string>();
        foreach (var line in settings) values[line.Key] = line.Value; // later lines win, as in CMake
        var checks = new List<SettingCheck>();
        foreach (var (key, value) in values)
        {
            var setting = new ConfigSetting(key, value);
            if (key == "USE_LLVM" && setting.IsOn && value.ToUpperInvariant() != "ON")
                checks.Add(Llvm(setting, layout, machine));
            else if (key == "CMAKE_CXX_FLAGS" && value.Split(' ').Contains("-Werror"))
            {
                if (Werror(setting, layout, machine) is { } werror) checks.Add(werror);
            }
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

    private static IEnumerable<SettingCheck> Feature(ConfigSetting setting, Feature feature,
        IReadOnlyDictionary<string, string> values, Machine machine, string tvmRoot, int? ciGcc)
    {
        var needs = feature.Needs.Select(n => Expand(n, values)).ToList();
        if (setting.Value.StartsWith('/')) needs.Add($"path:{setting.Value}");
        foreach (var need in needs.Distinct())
        {
            var (kind, what) = need.Split(':', 2) is [var k, var w] ? (k, w) : ("path", need);
            if (what.Length == 0) // an unset ${KEY}: name the need as written
                what = feature.Needs.First(written => Expand(written, values) == need).Split(':', 2)[^1];
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
                ? $"{compiler.Kind} {compiler.Major} is newer than CI's gcc {ciGcc} and {what}"
                : $"{description} is missing";
            yield return new SettingCheck(setting.Key, description, found, hint,
                new ConfigSetting(setting.Key, "OFF", $"{missing} ({hint})"), InTree: kind == "tree");
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
            .ThenByDescending(c => c.Tool.EndsWith($"-{c.Major}")) // llvm-config-14 says which LLVM it is
            .ThenBy(c => c.Tool.Length)
            .FirstOrDefault();
        var hint = $"apt-get install llvm-N-dev with N {range}";
        if (candidate.Tool is null)
            return new SettingCheck(setting.Key, need, null, hint,
                new ConfigSetting(setting.Key, "OFF", $"no llvm-config {range} here ({hint})"));
        var kept = machine.LlvmLinks(candidate.Tool, flags) ? flags : [];
        var value = string.Join(" ", [candidate.Tool, .. kept]);
        var without = kept.Length < flags.Length
            ? $", without {string.Join(" ", flags)} (no static LLVM libraries)"
            : "";
        var used = $"{candidate.Tool} (LLVM {candidate.Major})";
        return new SettingCheck(setting.Key, need, null, $"{hint}, or --native uses {used}",
            new ConfigSetting(setting.Key, value,
                $"{tool} is missing; {used} is the newest this tree accepts{without}"));
    }

    private static SettingCheck? Werror(ConfigSetting setting, Layout layout, Machine machine)
    {
        if (machine.Compiler() is not { } compiler || layout.CiGcc is not { } ci) return null;
        var newer = compiler.Kind != "g++" || compiler.Major > ci;
        var need = $"-Werror with CI's gcc {ci}";
        var found = $"{compiler.Kind} {compiler.Major}";
        if (!newer) return new SettingCheck(setting.Key, need, found, "", null);
        var flags = string.Join(" ",
            setting.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(flag => flag != "-Werror"));
        return new SettingCheck(setting.Key, need, null,
            $"{found} warns where gcc {ci} did not: --native drops -Werror",
            new ConfigSetting(setting.Key, flags,
                $"{found} is newer than CI's gcc {ci}, whose warnings -Werror was set for"));
    }

    private static string Expand(string text, IReadOnlyDictionary<string, string> values) =>
        Reference().Replace(text, match => values.GetValueOrDefault(match.Groups[1].Value, ""));

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Reference();
}
