using System.Text.RegularExpressions;
using TvmBuild.Engine;
using TvmBuild.Tools;

namespace TvmBuild.Tvm;

/// <summary>What a tree's CMake would use, read from its text (line comments dropped): the submodules it names and
/// the config.cmake settings its files read. Doctor asks for a submodule, or for what a setting needs, only when
/// the tree's CMake would use it: a tree with no cmake/modules/LLVM.cmake never runs USE_LLVM's llvm-config.</summary>
public static partial class TreeCMake
{
    /// <summary>Why the build does not use this submodule, or null when it does: the project holding it (the tree,
    /// or the submodule it sits in) names its folder in CMakeLists.txt or cmake/. Inside a submodule that is not
    /// checked out, it is needed when that one is (git submodule update --recursive brings both).</summary>
    public static string? WhyUnused(AbsolutePath tvm, IReadOnlyList<string> submodules, string submodule)
    {
        var (holder, project, relative) = Place(tvm, submodules, submodule);
        if (holder is not null && Machine.TreeFolder(tvm, holder) is null)
            return WhyUnused(tvm, submodules, holder) is null ? null : $"it is inside {holder}, which is not needed";
        return Sources(project).Any(text => Names(text, relative)) ? null
            : $"{(holder is null ? "the tree's" : $"{holder}'s")} CMake does not name it";
    }

    /// <summary>The submodules the build configures as CMake projects of their own (its holder names the folder in
    /// add_subdirectory): their CMakeLists.txt's cmake_minimum_required counts too.</summary>
    public static IEnumerable<string> Subprojects(AbsolutePath tvm, IReadOnlyList<string> submodules) =>
        submodules.Where(s => WhyUnused(tvm, submodules, s) is null).Where(s =>
        {
            var (_, project, relative) = Place(tvm, submodules, s);
            var pattern = AddSubdirectory + Regex.Escape(relative) + @"/?[""\s)]";
            return Sources(project).Any(text => Regex.IsMatch(text, pattern));
        });

    /// <summary>add_subdirectory( and the folder, relative or under the list's own directory.</summary>
    private const string AddSubdirectory = @"add_subdirectory\s*\(\s*""?(\$\{CMAKE_CURRENT_(SOURCE|LIST)_DIR\}/)?";

    /// <summary>Why the tree's CMake does not read this setting, or null when it does (or layouts.yaml does not say
    /// which files read it): none of the feature's <c>read_by</c> files names it.</summary>
    public static string? WhyUnread(AbsolutePath tvm, string key, Feature? feature)
    {
        if (feature is null || feature.ReadBy.Count == 0) return null;
        var reasons = new List<string>();
        foreach (var file in feature.ReadBy)
        {
            if (!(tvm / file).FileExists()) reasons.Add($"no {file}");
            else if (Names(Code(tvm / file), key)) return null;
            else reasons.Add($"{file} does not name it");
        }
        return $"the tree's CMake does not read it ({string.Join("; ", reasons)})";
    }

    /// <summary>The CMake project a submodule belongs to: the deepest other submodule that holds it (null: the tree),
    /// that project's folder, and the submodule's path in it.</summary>
    private static (string? Holder, AbsolutePath Project, string Relative) Place(AbsolutePath tvm,
        IReadOnlyList<string> submodules, string submodule)
    {
        var holder = submodules.Where(s => submodule.StartsWith(s + "/", StringComparison.Ordinal))
            .MaxBy(s => s.Length);
        return holder is null ? (null, tvm, submodule) : (holder, tvm / holder, submodule[(holder.Length + 1)..]);
    }

    /// <summary>A CMake project's own files: CMakeLists.txt and cmake/**/*.cmake, without the config.cmake template
    /// (settings, not code).</summary>
    private static IEnumerable<string> Sources(AbsolutePath project)
    {
        if ((project / "CMakeLists.txt").FileExists()) yield return Code(project / "CMakeLists.txt");
        if (!(project / "cmake").DirectoryExists()) yield break;
        string template = project / "cmake" / "config.cmake";
        foreach (var file in Directory.EnumerateFiles(project / "cmake", "*.cmake", SearchOption.AllDirectories)
                     .Where(f => f != template).Order(StringComparer.Ordinal))
            yield return Code(AbsolutePath.Create(file));
    }

    private static string Code(AbsolutePath file) => LineComment().Replace(file.ReadAllText(), "");

    /// <summary>The word or path as a whole: not part of a longer name (USE_OPENCL is not USE_OPENCL_GTEST).</summary>
    private static bool Names(string code, string word) =>
        Regex.IsMatch(code, $"(?<![A-Za-z0-9_-]){Regex.Escape(word)}(?![A-Za-z0-9_-])");

    [GeneratedRegex("#.*$", RegexOptions.Multiline)]
    private static partial Regex LineComment();
}
