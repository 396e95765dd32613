using System.Text.RegularExpressions;

namespace TvmBuild.Tvm;

/// <summary>What a C++ test step of build/layouts.yaml gets besides its own arguments: where to write JUnit XML,
/// --test-filter (a gtest filter) and the arguments after <c>--</c>. main runs the gtest binary itself; v0.9.0 runs
/// ctest, which selects the tests gtest_discover_tests registered (named <c>Suite.Name</c>) by regular
/// expression.</summary>
public static class GtestArguments
{
    public static IReadOnlyList<string> For(TestFramework runner, string junit, string? filter,
        IReadOnlyList<string> extra)
    {
        var arguments = new List<string>();
        if (runner == TestFramework.Ctest)
        {
            arguments.AddRange(["--output-junit", junit]);
            if (filter is not null)
            {
                var (include, exclude) = CtestRegexes(filter);
                if (include is not null) arguments.AddRange(["-R", include]);
                if (exclude is not null) arguments.AddRange(["-E", exclude]);
            }
        }
        else
        {
            arguments.Add($"--gtest_output=xml:{junit}");
            if (filter is not null) arguments.Add($"--gtest_filter={filter}");
        }
        arguments.AddRange(extra);
        return arguments;
    }

    /// <summary>A gtest filter (<c>A.*:B.c-A.slow</c>: ':'-separated patterns with * and ?, negatives after '-') as
    /// ctest's -R (run these) and -E (but not these) anchored regular expressions.</summary>
    public static (string? Include, string? Exclude) CtestRegexes(string filter)
    {
        var dash = filter.IndexOf('-');
        var positive = dash < 0 ? filter : filter[..dash];
        var negative = dash < 0 ? "" : filter[(dash + 1)..];
        return (Alternatives(positive), Alternatives(negative));
    }

    private static string? Alternatives(string patterns)
    {
        var parts = patterns.Split(':', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return null;
        return "^(" + string.Join("|", parts.Select(Pattern)) + ")$";
    }

    private static string Pattern(string glob) => Regex.Escape(glob).Replace(@"\*", ".*").Replace(@"\?", ".");
}
