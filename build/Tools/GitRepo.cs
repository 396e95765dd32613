using TvmBuild.Engine;

namespace TvmBuild.Tools;

/// <summary>Read-only questions and typed commands about one git tree, as argument lists (<c>git -C dir ...</c>).
/// Questions run on this machine even under --dry-run and are not cut short by Ctrl-C.</summary>
public sealed class GitRepo(ProcessRunner runner, AbsolutePath directory)
{
    public AbsolutePath Directory { get; } = directory;

    public Command Command(params string[] args) => new(Git.Executable, ["-C", Directory, .. args]);

    /// <summary>git's answer, trimmed, or null when git says no (exit code not 0).</summary>
    public string? Ask(params string[] args)
    {
        var result = runner.OnHost.Probe(Command(args), RunOptions.MayFail);
        return result.ExitCode == 0 ? result.Output.Trim() : null;
    }

    /// <summary>The same question when the run is being cancelled (clean-up after Ctrl-C).</summary>
    public CommandResult Always(params string[] args) =>
        ProcessRunner.Uncancellable.Probe(Command(args), RunOptions.MayFail);

    public AbsolutePath? TopLevel =>
        Ask("rev-parse", "--show-toplevel") is { Length: > 0 } top ? AbsolutePath.Create(top) : null;

    /// <summary>This tree's own git folder (<c>.git</c>, or <c>.git/worktrees/x</c> for a linked worktree).</summary>
    public AbsolutePath GitDirectory => AbsolutePath.Create(Ask("rev-parse", "--absolute-git-dir")!);

    /// <summary>The repository's shared git folder (the same for all its worktrees).</summary>
    public AbsolutePath? CommonDirectory =>
        Ask("rev-parse", "--path-format=absolute", "--git-common-dir") is { Length: > 0 } common
            ? AbsolutePath.Create(common) : null;

    /// <summary>The full hash of a commit, or null when the name is none.</summary>
    public string? Commit(string reference) => Ask("rev-parse", "--verify", "--quiet", $"{reference}^{{commit}}");

    public bool IsAncestor(string ancestor, string of) =>
        runner.OnHost.Probe(Command("merge-base", "--is-ancestor", ancestor, of), RunOptions.MayFail).ExitCode == 0;

    /// <summary>"&lt;hash&gt; &lt;subject&gt;" of a commit.</summary>
    public string Describe(string commit) => Ask("log", "-1", "--format=%H %s", commit) ?? commit;
}
