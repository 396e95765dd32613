using System.Text.RegularExpressions;

namespace TvmBuild.Ci;

/// <summary>TVM main's Prepare stage (ci/jenkins/templates/utils/Prepare.groovy.j2) and the four scripts it asks
/// (ci/scripts/jenkins/), as one function of what they read. tests/data/tvm-change-decisions.json records what those
/// scripts decide, case by case, and the two lists below; tests/Unit/ChangeDetectionTests.cs holds this to both.
/// The scripts' quirks are kept, since the point is the same decision: the bash checks split git's lines into shell
/// words (a path with a space is two), and see git's quoting of a non-ASCII path.</summary>
public static partial class ChangeDetection
{
    /// <summary>git_skip_ci_globs.py's globs, for fnmatch (<c>*</c> matches <c>/</c> too).</summary>
    public static readonly IReadOnlyList<string> SkipCiGlobs =
    [
        "*.md", ".github/*", ".asf.yaml", ".gitignore", "LICENSE", "NOTICE", "KEYS", "tests/lint/*",
        ".pre-commit-config.yaml",
    ];

    /// <summary>git_change_docker.sh's FILES_THAT_SHOULDNT_TRIGGER_REBUILDS, exact paths.</summary>
    public static readonly IReadOnlyList<string> DockerSkipList =
    [
        "docker/bash.sh", "docker/with_the_same_user", "docker/README.md", "docker/Dockerfile.ci_lint",
        "docker/install/ubuntu_install_clang_format.sh", "docker/lint.sh", "docker/clear-stale-images.sh",
        "README.md", "lint.sh", "clear-stale-images.sh",
    ];

    public static ChangeDecision Decide(ChangeFacts facts)
    {
        var skip = SkipCi(facts);
        // Prepare: "Don't rebuild when skipping CI".
        return new ChangeDecision(DocsOnly(facts.AgainstOriginMain), !skip && RebuildDocker(facts), skip);
    }

    /// <summary>git_change_docs.sh exits 1 (docs only) when the diff has a word and every word contains "docs/";
    /// a failed diff stops it under <c>set -e</c> with another code, which Prepare reads as "not docs only".</summary>
    private static bool DocsOnly(IReadOnlyList<string>? diff) =>
        diff is not null && Words(diff) is { Count: > 0 } words && words.All(w => w.Contains("docs/"));

    /// <summary>git_change_docker.sh diffs HEAD~1 on main, else origin/main, and exits 1 at the first word outside
    /// its skip list that contains "docker/". Prepare reads any non-zero exit as "rebuild": also the one of
    /// <c>set -u</c> when BRANCH_NAME is unset, and of <c>set -e</c> when the diff fails.</summary>
    private static bool RebuildDocker(ChangeFacts facts)
    {
        if (facts.Branch is null) return true;
        var diff = facts.Branch == "main" ? facts.AgainstParent : facts.AgainstOriginMain;
        return diff is null || Words(diff).Any(w => !DockerSkipList.Contains(w) && w.Contains("docker/"));
    }

    /// <summary>Prepare's should_skip_ci: never unless BRANCH_NAME starts with PR-; then git_skip_ci_globs.py (no
    /// changed file, or every one matching a glob: skip; a failed diff raises, exit 1: go on), then git_skip_ci.py
    /// (the title's [tags], stripped, include "skip ci").</summary>
    private static bool SkipCi(ChangeFacts facts)
    {
        if (facts.Branch is not { } branch || !branch.StartsWith("PR-", StringComparison.Ordinal)) return false;
        if (facts.AgainstOriginMain is { } diff)
        {
            var files = diff.Select(l => l.Trim()).Where(l => l.Length > 0);
            if (files.All(f => SkipCiGlobs.Any(g => Fnmatch(g, f)))) return true;
        }
        return facts.Title is { } title && Tag().Matches(title).Any(m => m.Groups[1].Value.Trim() == "skip ci");
    }

    /// <summary><c>for file in $changed_files</c>: the shell's words (IFS is space, tab, newline).</summary>
    private static List<string> Words(IEnumerable<string> lines) =>
        lines.SelectMany(l => l.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries)).ToList();

    /// <summary>Python's fnmatch on POSIX (case-sensitive), for <c>*</c> and <c>?</c>: TVM's globs use no other
    /// wildcard.</summary>
    private static bool Fnmatch(string glob, string path) =>
        Regex.IsMatch(path, "^" + Regex.Escape(glob).Replace(@"\*", ".*").Replace(@"\?", ".") + @"\z",
            RegexOptions.Singleline | RegexOptions.CultureInvariant);

    /// <summary>cmd_utils.tags_from_title's <c>\[(.*?)\]</c>.</summary>
    [GeneratedRegex(@"\[(.*?)\]")]
    private static partial Regex Tag();
}
