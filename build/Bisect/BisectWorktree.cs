using TvmBuild.Engine;
using TvmBuild.Tools;

namespace TvmBuild.Bisect;

/// <summary>The one worktree Bisect checks commits out in, per TVM tree: <c>&lt;tree's git dir&gt;/tvm-build-bisect</c>
/// (<c>.git/tvm-build-bisect</c> for a plain clone). A fixed path keeps its build directories, and the compiler
/// cache entries that hash their paths, warm from one step and one run to the next; the user's checkout is never
/// checked out, reset or cleaned.</summary>
public static class BisectWorktree
{
    public const string Name = "tvm-build-bisect";

    public static AbsolutePath PathFor(GitRepo tree) => tree.GitDirectory / Name;

    /// <summary>The worktree at <paramref name="bad"/>, with no bisect in progress and its tracked files as committed
    /// (untracked build output stays). Created when missing; a folder at that path that is not a worktree of this
    /// repository is refused, never reset.</summary>
    public static GitRepo Prepare(ProcessRunner runner, GitRepo tree, AbsolutePath path, string bad)
    {
        var worktree = new GitRepo(runner, path);
        if (path.DirectoryExists() && Directory.EnumerateFileSystemEntries(path).Any())
        {
            if (!Equals(worktree.TopLevel, path) || !Equals(worktree.CommonDirectory, tree.CommonDirectory))
                throw new BuildFailure($"{path} exists and is not a git worktree of {tree.Directory}.",
                    $"Bisect keeps its worktree there; remove that folder (rm -r {Command.Quote(path)}) and run " +
                    "Bisect again.");
            runner.Run(worktree.Command("bisect", "reset")); // a run that was killed before its clean-up
            runner.Run(worktree.Command("reset", "--hard", "--quiet"));
            runner.Run(worktree.Command("checkout", "--quiet", "--detach", bad));
        }
        else
        {
            // --force: a registration left behind when someone deleted the folder is reused, not an error.
            runner.Run(tree.Command("worktree", "add", "--force", "--detach", path, bad));
        }
        return worktree;
    }

    /// <summary>The command that removes it, for the line that says it was kept.</summary>
    public static string RemoveCommand(GitRepo tree, AbsolutePath path) =>
        tree.Command("worktree", "remove", "--force", path).CommandLine;
}
