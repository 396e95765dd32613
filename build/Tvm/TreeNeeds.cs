using TvmBuild.Engine;
using TvmBuild.Lint;
using TvmBuild.Tools;

namespace TvmBuild.Tvm;

/// <summary>What a TVM tree asks of this machine beyond the targets' own tools (Doctor's rows): the CMake its
/// CMakeLists.txt files require, its submodules, the Python modules its tests and docs import, the linter versions it
/// pins. What its preset needs comes from <see cref="NativeConfig"/>.</summary>
public static class TreeNeeds
{
    public static IEnumerable<DoctorRow> CMakeAndSubmodules(AbsolutePath tvm, Layout layout, ProcessRunner runner)
    {
        var installed = CMake.InstalledVersion(runner);
        foreach (var lists in new[] { "CMakeLists.txt", "3rdparty/tvm-ffi/CMakeLists.txt" })
            if (CMake.MinimumRequired(tvm / lists) is { } required)
                yield return new DoctorRow($"cmake >= {required} ({lists})",
                    installed is null ? null : installed >= required ? $"cmake {installed}" : null,
                    installed is null ? Packages.Source("cmake") : $"this machine has {installed}; {Packages.Source("cmake")}", ["Configure"]);
        foreach (var submodule in layout.Submodules)
            yield return new DoctorRow($"{submodule} (submodule)", Machine.TreeFolder(tvm, submodule) is not null ? "checked out" : null,
                "git submodule update --init --recursive (in the TVM tree)", ["Configure"]);
    }

    public static IEnumerable<DoctorRow> PythonModules(Layout layout, Machine tests, Machine docs)
    {
        foreach (var module in layout.PythonModules.Tests)
            yield return new DoctorRow($"Python module {module}", tests.Module(module), Packages.Source(module), ["UnitTest", "IntegrationTest"]);
        foreach (var module in layout.PythonModules.Docs)
            yield return new DoctorRow($"Python module {module}", docs.Module(module), Packages.Source(module), ["Docs"]);
    }

    /// <summary>Never blocking: Lint skips a linter it lacks (and another engineer's Lint runs the pinned ones).</summary>
    public static IEnumerable<DoctorRow> LintPins(AbsolutePath root, AbsolutePath tvm, Layout layout, IReadOnlyCollection<string> linters,
        ProcessRunner runner, string python)
    {
        if (layout.LintPins is not { } source) yield break;
        foreach (var pin in Lint.LintPins.Read(tvm, source, linters))
        {
            var found = Lint.LintPins.Found(pin, root, runner, python);
            var shown = found is null ? null : Lint.LintPins.Matches(pin, found) ? found : $"{found}, not the pinned {pin.Version}";
            yield return new DoctorRow($"{pin.Tool} {pin.Version} (pinned in {source.File})", shown,
                Packages.Source(pin.Tool), ["Lint"], Optional: true);
        }
    }
}
