namespace TvmBuild.Tests.Support;

/// <summary>A copy of the fixture TVM that is a git repository with everything committed.</summary>
public static class GitTree
{
    public static string CommittedFixture()
    {
        var tree = Trees.CopyFixture();
        Git(tree, "init", "--quiet", "--initial-branch=main");
        Git(tree, "add", "-A");
        Git(tree, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "-m", "fixture");
        return tree;
    }

    /// <summary>Copies tests/fixtures/lint-bait (or some of its files) into the tree's root, untracked.</summary>
    public static void AddBait(string tree, params string[] only)
    {
        var bait = Path.Combine(BuildScript.RepoRoot, "tests", "fixtures", "lint-bait");
        var files = Directory.GetFiles(bait).Where(f => only.Length == 0 || only.Contains(Path.GetFileName(f)));
        foreach (var file in files)
            if (Path.GetFileName(file) != "EXPECTED.md")
                File.Copy(file, Path.Combine(tree, Path.GetFileName(file)), overwrite: true);
    }

    public static (int Code, string Output) Git(string tree, params string[] args) => Processes.Run("git", args, tree);
}

/// <summary>A fact that needs the linters .ci/run installs (Debian's yamllint, node and npm, dev/lint's taplo and
/// smol-toml); Lint installs the pinned ruff and clang-format from npm itself.</summary>
public sealed class LintToolsFactAttribute : Xunit.FactAttribute
{
    public LintToolsFactAttribute()
    {
        var missing = new[] { "yamllint", "node", "npm" }
            .Where(t => RequiresToolFactAttribute.Which(t) is null).ToList();
        if (!Directory.Exists(Path.Combine(BuildScript.RepoRoot, "dev", "lint", "node_modules", "smol-toml")))
            missing.Add("dev/lint's npm tools");
        if (missing.Count > 0)
            Skip = $"needs {string.Join(", ", missing)} " +
                "(apt-get install yamllint nodejs npm; npm install --prefix dev/lint)";
    }
}
