using Serilog;
using TvmBuild.Engine;

namespace TvmBuild.Lint;

/// <summary>Lint --staged lints what is being committed, the way pre-commit does (its staged_files_only), but only for
/// the staged files that also have unstaged changes: those changes are saved as a binary patch under the git dir (its
/// path logged before anything is touched), the files are checked out from the index, and <see cref="Dispose"/> (a
/// finally: after a failure or Ctrl-C too) applies the patch again. If fixers changed those files so that it no longer
/// applies, their changes are dropped first: the user's unstaged work always comes back.</summary>
/// <remarks>The patch comes from plumbing (<c>git diff-files</c>), which no diff.noprefix, textconv or colour setting
/// changes, and git writes it itself (<c>--output</c>), so its bytes are never decoded. Every git call here runs as a
/// probe, which Ctrl-C does not cut short: a restore must finish.</remarks>
public sealed class StagedContent : IDisposable
{
    private readonly AbsolutePath _root;
    private readonly IReadOnlyList<string> _paths;
    private readonly AbsolutePath _patch;

    private StagedContent(AbsolutePath root, IReadOnlyList<string> paths, AbsolutePath patch) =>
        (_root, _paths, _patch) = (root, paths, patch);

    /// <summary>Where a patch goes: a file of its own in the git dir (of this worktree).</summary>
    public static AbsolutePath NewPatchFile(AbsolutePath root) =>
        PatchDirectory(root) / $"staged-{DateTime.Now:yyyyMMdd-HHmmss}-{Environment.ProcessId}.patch";

    /// <summary>The staged files whose work-tree content differs from the staged one (a read-only question to
    /// git).</summary>
    public static List<string> WithUnstagedChanges(AbsolutePath root, IReadOnlyList<string> staged)
    {
        if (staged.Count == 0) return [];
        var output = Git(root, ["diff", "--name-only", "-z", "--no-color", "--no-ext-diff", "--ignore-submodules", "--",
            .. staged]);
        return output.Output.TrimEnd('\n').Split('\0', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    /// <summary>Sets the unstaged changes of <paramref name="paths"/> aside and checks out their staged
    /// content.</summary>
    public static StagedContent SetAside(AbsolutePath root, IReadOnlyList<string> paths)
    {
        var directory = PatchDirectory(root);
        var left = directory.DirectoryExists() ? Directory.GetFiles(directory, "*.patch").Min() : null;
        if (left is not null)
            throw new BuildFailure($"An interrupted Lint --staged left unstaged changes in {left}.",
                $"If 'git diff' lacks them, run 'git apply {left}' in {root}; then delete that file.");
        var patch = NewPatchFile(root);
        directory.CreateDirectory();
        Log.Warning("Saving the unstaged changes of {Files} to {Patch} while their staged content is linted",
            Count(paths), patch);
        var save = Git(root, ["diff-files", "-p", "--binary", "--no-color", "--no-ext-diff", "--ignore-submodules",
            $"--output={patch}", "--", .. paths]);
        if (save.ExitCode != 0)
        {
            File.Delete(patch);
            throw new BuildFailure("Could not save the unstaged changes; nothing was touched.",
                $"git said: {save.Output.Trim()}");
        }
        var staged = new StagedContent(root, paths, patch);
        // An empty patch (a CRLF-only difference that autocrlf hides) leaves nothing to set aside.
        if (new FileInfo(patch).Length == 0 || staged.CheckOutIndex()) return staged;
        staged.Dispose();
        throw new BuildFailure($"Could not check out the staged content of {string.Join(", ", paths)}.",
            "Your unstaged changes are back; commit with --no-verify if the hook is in the way.");
    }

    /// <summary>Applies the patch again (after dropping fixers' changes that conflict with it), then deletes
    /// it.</summary>
    public void Dispose()
    {
        if (!_patch.FileExists()) return;
        if (new FileInfo(_patch).Length > 0 && !Apply())
        {
            Log.Warning("The fixers' changes conflict with the unstaged changes of {Paths}: dropping the fixers' " +
                "changes", string.Join(", ", _paths));
            if (!CheckOutIndex() || !Apply())
                throw new BuildFailure($"Could not apply the unstaged changes again; they are saved in {_patch}.",
                    $"Run 'git apply {_patch}' in {_root}, check 'git diff', then delete that file.");
        }
        File.Delete(_patch);
        Log.Information("Restored the unstaged changes of {Files}", Count(_paths));
    }

    public static string Count(IReadOnlyList<string> paths) =>
        paths.Count == 1 ? "1 staged file" : $"{paths.Count} staged files";

    private bool CheckOutIndex() =>
        Git(_root, ["checkout-index", "--force", "--", .. _paths]).ExitCode == 0;

    /// <summary>git apply, and again without autocrlf when that fails (as pre-commit does).</summary>
    private bool Apply() =>
        Git(_root, ["apply", "--whitespace=nowarn", _patch]).ExitCode == 0 ||
        Git(_root, ["-c", "core.autocrlf=false", "apply", "--whitespace=nowarn", _patch]).ExitCode == 0;

    private static AbsolutePath PatchDirectory(AbsolutePath root) =>
        AbsolutePath.Create(Git(root, ["rev-parse", "--absolute-git-dir"]).Output.Trim()) / "tvm-build";

    private static CommandResult Git(AbsolutePath root, string[] args)
    {
        var git = ToolResolver.Find("git", TvmBuild.Tools.Packages.Hint("git"));
        // Paths are paths, not patterns: a file named 'a[1].py' or '*.txt' means itself.
        var command = new Command(git, ["--literal-pathspecs", .. args], root);
        return ProcessRunner.Uncancellable.Probe(command, RunOptions.MayFail); // the restore must finish
    }
}
