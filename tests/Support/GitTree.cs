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
