using TvmBuild.Engine;
using TvmBuild.Tools;

namespace TvmBuild.Bisect;

/// <summary>What a Bisect run works on, checked before anything runs: the tree as a git repository, the two commits
/// (good an ancestor of bad), the step's command line (targets first, nothing that is Bisect's to set) and where the
/// tree lies inside its repository.</summary>
public sealed record BisectInput(GitRepo Tree, AbsolutePath TopLevel, string Good, string Bad,
    IReadOnlyList<string> Step)
{
    /// <summary>Options a step must not be given: Bisect sets the tree, and the others would make every step pass or
    /// run nothing.</summary>
    private static readonly string[] Reserved = ["tvm-home", "root", "dry-run", "plan", "help", "continue"];

    private const string Example = "./build.sh Bisect --good v0.18.0 --bad HEAD -- Compile UnitTest --test-filter x";

    public static BisectInput Check(ProcessRunner runner, AbsolutePath root, string? good, string bad,
        IReadOnlyList<string> step, IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<string> untestable,
        IReadOnlyList<string> parameters)
    {
        CheckStep(step, targets, untestable, parameters);
        var tree = new GitRepo(runner, root);
        if (ToolResolver.TryFind("git") is null || tree.TopLevel is not { } top)
            throw new BuildFailure($"{root} is not a git tree, so it has no history to bisect.",
                "Give --tvm-home a git checkout of TVM ('./build.sh Checkout --tvm-home <dir>' clones one).");
        if (good is null)
            throw new BuildFailure("Bisect needs --good: a commit where the targets after -- succeed.",
                $"e.g. {Example}");
        var goodCommit = Resolve(tree, "--good", good);
        var badCommit = Resolve(tree, "--bad", bad);
        if (goodCommit == badCommit)
            throw new BuildFailure($"--good {good} and --bad {bad} are the same commit.",
                "Give --good a commit before the one that fails.");
        if (!tree.IsAncestor(goodCommit, badCommit))
            throw new BuildFailure($"--good {good} is not an ancestor of --bad {bad}.",
                "git bisect looks for the change between them: give an older --good (git merge-base --is-ancestor " +
                "tells), or swap them if you are looking for a fix.");
        return new(tree, top, goodCommit, badCommit, step);
    }

    private static string Resolve(GitRepo tree, string option, string reference) =>
        tree.Commit(reference) ?? throw new BuildFailure($"{option} {reference} is not a commit of {tree.Directory}.",
            "Give a branch, tag or commit hash (git log --oneline shows them; git fetch --tags brings tags).");

    private static void CheckStep(IReadOnlyList<string> step, IReadOnlyList<ExecutableTarget> targets,
        IReadOnlyList<string> untestable, IReadOnlyList<string> parameters)
    {
        var names = step.TakeWhile(a => !a.StartsWith('-'))
            .SelectMany(a => a.Split('+', StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (names.Count == 0)
            throw new BuildFailure("Bisect needs the targets each step runs, after --.", $"e.g. {Example}");
        foreach (var name in names.Concat(untestable))
        {
            var target = targets.FirstOrDefault(t => Same(t.Name, name))
                ?? throw new BuildFailure($"Unknown target '{name}' for Bisect.",
                    ExecutionPlanner.DidYouMean(name, targets.Where(t => t.Listed).Select(t => t.Name)) +
                    "Targets come first after --, then their parameters.");
            if (Same(target.Name, "Bisect"))
                throw new BuildFailure("A Bisect step cannot run Bisect.", "Give the targets that show the bug.");
        }
        // The step's own options, up to a second -- (what follows that goes to pytest or the C++ tests).
        var options = step.TakeWhile(a => a != "--").Where(a => a.StartsWith("--"))
            .Select(a => a.TrimStart('-').Split('=')[0]).ToList();
        if (options.FirstOrDefault(o => Reserved.Any(r => Same(o, r))) is { } reserved)
            throw new BuildFailure($"--{reserved} after -- is not for a step: Bisect runs each step on its worktree.",
                "Give --tvm-home (and --dry-run) before --; the rest after -- as you would run them.");
        if (options.FirstOrDefault(o => !parameters.Any(p => Same(p, o))) is { } unknown)
            throw new BuildFailure($"Unknown parameter '--{unknown}' after --: every step would stop on it.",
                ExecutionPlanner.DidYouMean(unknown, parameters) + "Run './build.sh --help' for the parameters.");
    }

    private static bool Same(string a, string b) => ParameterService.Normalize(a) == ParameterService.Normalize(b);
}
