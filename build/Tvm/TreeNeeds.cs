using System.Text.RegularExpressions;
using TvmBuild.Engine;
using TvmBuild.Lint;
using TvmBuild.Tools;

namespace TvmBuild.Tvm;

/// <summary>What a TVM tree asks of this machine beyond the targets' own tools (Doctor's rows): the CMake its
/// CMakeLists.txt files require, its submodules, the Python modules its tests and docs import, the linter versions it
/// pins. What its preset needs comes from <see cref="NativeConfig"/>.</summary>
public static partial class TreeNeeds
{
    /// <summary>The CMake the tree and the submodules it adds require, and the submodules its CMake uses; a missing
    /// one it does not use is not needed (the fixture's CMake names no dlpack). <paramref name="image"/>: in docker
    /// mode, what the image brings (its CMake) is not asked of this machine; the tree's submodules are.</summary>
    public static IEnumerable<DoctorRow> CMakeAndSubmodules(AbsolutePath tvm, Layout layout, ProcessRunner runner,
        string? image)
    {
        var installed = image is null ? CMake.InstalledVersion(runner) : null;
        var projects = TreeCMake.Subprojects(tvm, layout.Submodules).Select(s => $"{s}/CMakeLists.txt");
        foreach (var lists in projects.Prepend("CMakeLists.txt"))
            if (CMake.MinimumRequired(tvm / lists) is { } required)
                yield return new DoctorRow($"cmake >= {required} ({lists})",
                    image ?? (installed is null ? null : installed >= required ? $"cmake {installed}" : null),
                    installed is null
                        ? Packages.Source("cmake")
                        : $"this machine has {installed}; {Packages.Source("cmake")}",
                    ["Configure"]);
        foreach (var submodule in layout.Submodules)
            yield return new DoctorRow($"{submodule} (submodule)",
                Machine.TreeFolder(tvm, submodule) is not null ? "checked out"
                    : TreeCMake.WhyUnused(tvm, layout.Submodules, submodule) is { } why ? $"not needed: {why}" : null,
                "git submodule update --init --recursive (in the TVM tree)", ["Configure"]);
    }

    /// <summary>What the preset's settings need (<see cref="NativeConfig"/>), one row each; a setting the tree's
    /// CMake does not read needs nothing, and says so in one row. In docker mode the image brings all but the
    /// tree's own folders.</summary>
    public static IEnumerable<DoctorRow> Preset(IEnumerable<SettingCheck> checks, AbsolutePath tvm, Layout layout,
        bool native, string? image) =>
        checks.GroupBy(c => c.Setting).SelectMany(setting =>
            TreeCMake.WhyUnread(tvm, setting.Key, layout.Features.GetValueOrDefault(setting.Key)) is { } why
                ? [new DoctorRow($"{setting.Key}: {string.Join(", ", setting.Select(c => c.Need))}",
                    $"not needed: {why}", "", ["Configure"])]
                : setting.Select(c => new DoctorRow($"{c.Setting}: {c.Need}", c.InTree ? c.Found : image ?? c.Found,
                    c.Hint, ["Configure"],
                    Workaround: c.Native is { } change && native && image is null
                        ? $"--native sets {change.Line()}" : null,
                    FromPreset: c.Native is not null && image is null)));

    public static IEnumerable<DoctorRow> PythonModules(Layout layout, Machine tests, Machine docs, string? image)
    {
        foreach (var module in layout.PythonModules.Tests)
            yield return new DoctorRow($"Python module {module}", image ?? tests.Module(module),
                Packages.Source(module), ["UnitTest", "IntegrationTest"]);
        foreach (var module in layout.PythonModules.Docs)
            yield return new DoctorRow($"Python module {module}", image ?? docs.Module(module),
                Packages.Source(module), ["Docs"]);
    }

    /// <summary>Never blocking: Lint runs the pinned versions it can get and names the ones it cannot.</summary>
    public static IEnumerable<DoctorRow> LintPins(AbsolutePath root, AbsolutePath tvm, Layout layout,
        ProcessRunner runner, string python)
    {
        var preCommit = tvm / ".pre-commit-config.yaml";
        var config = layout.Lint == LintSource.PreCommit && preCommit.FileExists()
            ? PreCommitConfig.Load(preCommit)
            : null;
        var where = config is not null ? ".pre-commit-config.yaml" : string.Join(", ", layout.LintPins);
        var pins = Lint.LintPins.Read(tvm, layout, config)
            .Select(pin => (program: LintProgram.Find(pin.Key), version: pin.Value))
            .Where(pin => pin.program is { Runs: true });
        foreach (var (program, version) in pins)
        {
            var tool = program!.Name;
            var found = Found(program, version, root, runner, python);
            var shown = found is null ? null : SameMinor(version, found) ? found : $"{found}, not the pinned {version}";
            yield return new DoctorRow($"{tool} {version} (pinned in {where})", shown, Packages.Source(tool), ["Lint"],
                Optional: true);
        }
    }

    /// <summary>The version of a pinned tool here, looked for as Lint does: the npm build Lint installed for the pin
    /// (ruff, clang-format), its module of the lint Python or the first of its commands that answers, the npm build in
    /// dev/lint (taplo).</summary>
    private static string? Found(LintProgram program, string pin, AbsolutePath root, ProcessRunner runner,
        string python)
    {
        // The version it prints, whatever its exit code, as Lint reads it (taplo 0.9.0 --version exits 1).
        string? Run(string command, string label, params string[] args)
        {
            if (ToolResolver.TryFind(command) is not { } path) return null;
            var version = VersionPattern().Match(runner.Probe(new Command(path, args), RunOptions.MayFail).Output);
            return version.Success ? $"{version.Value} ({label})" : null;
        }
        return (program.Pinned is { } pinned && PinnedNpm.Installed(pinned, pin) is { } used
                ? $"{used} (npm {pinned}, {PinnedNpm.CacheRoot / "npm"})"
                : null)
            ?? (program.Module ? Run(python, $"{python} -m {program.Name}", "-m", program.Name, "--version")
                : program.Commands.Select(command => Run(command, command, "--version")).FirstOrDefault(v => v != null))
            ?? (program.Npm is { } package
                ? Run(root / "dev" / "lint" / "node_modules" / ".bin" / program.Name, $"npm {package}, dev/lint",
                    "--version")
                : null);
    }

    /// <summary>Same major.minor as the pin (a patch release formats the same).</summary>
    private static bool SameMinor(string pin, string found) =>
        VersionPattern().Match(found) is { Success: true } v
        && string.Join('.', v.Value.Split('.').Take(2)) == string.Join('.', pin.Split('.').Take(2));

    [GeneratedRegex(@"\d+\.\d+(\.\d+)?")]
    private static partial Regex VersionPattern();
}
