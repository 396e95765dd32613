using Serilog;
using TvmBuild.Adopt;
using TvmBuild.Engine;

/// <summary>The home inside TVM: Adopt writes tvm-build into a TVM checkout as one reviewable change (build.sh, build/,
/// .nuke/, ci/, dev/, the guide, TVM's CI files), after which everything runs from there; --retire also removes the
/// scripts the build replaces. What goes where is data: build/adopt.yaml.</summary>
interface IAdopt : ICi
{
    [Parameter("Adopt: also remove the scripts the build replaces (build/adopt.yaml lists them), leave forwarders at " +
               "docker/bash.sh and tests/scripts/ci.py, and update what mentions the removed paths.",
        CommandLineOnly = true)]
    bool Retire => TryGetValue<bool?>(() => Retire) ?? false;

    [Parameter("Adopt: overwrite files of the TVM tree at the home's paths that tvm-build did not write.",
        CommandLineOnly = true)]
    bool Force => TryGetValue<bool?>(() => Force) ?? false;

    Target Adopt => _ => _
        .Description("Writes tvm-build's home into the TVM tree (build.sh, build/, .nuke/, ci/, dev/, the guide, its " +
                     "CI files); --retire removes the scripts it replaces, --check prints the diff")
        .Executes(() =>
        {
            var tvm = TvmRoot;
            var manifest = AdoptManifest.Load();
            var layout = manifest.For(Layout.Name);
            var changes = HomePlan.Make(manifest, layout, RootDirectory, tvm, CiFiles);
            if (Retire)
            {
                var home = changes.Select(c => c.Path).ToHashSet();
                changes.AddRange(RetirePlan.Make(manifest, layout.Retire, tvm, home));
            }
            var pending = changes.Where(c => c.Differs(tvm)).ToList();
            if (Check)
            {
                Console.Out.Write(ChangeSet.Diff(tvm, pending));
                if (pending.Count > 0)
                    throw new BuildFailure($"Adopt would change {pending.Count} files of {tvm}.",
                        "Run ./build.sh Adopt to make these changes.");
                Log.Information("{Tree} holds tvm-build's home as Adopt writes it", tvm);
                return;
            }
            RefuseUnsafe(tvm, pending);
            if (pending.Count == 0)
            {
                Log.Information("Nothing to do: {Tree} holds tvm-build's home as Adopt writes it", tvm);
                return;
            }
            if (Runner.DryRun)
            {
                foreach (var change in pending)
                    Console.Out.WriteLine($"# would {ChangeSet.Verb(change)} {tvm / change.Path}" +
                                          (change.Why.Length > 0 ? $" ({change.Why})" : ""));
                return;
            }
            ChangeSet.Apply(tvm, pending);
            ProveIgnoreRules(tvm, changes, manifest.Output);
            ReportSummary("Adopt", $"{pending.Count} files changed in {tvm}; review them with git status and git diff");
        });

    /// <summary>Nothing is lost: the tree is a git checkout, every path that changes is committed there (git keeps its
    /// old content), and a file at the home's paths that tvm-build did not write is overwritten only with --force.
    /// </summary>
    void RefuseUnsafe(AbsolutePath tvm, IReadOnlyList<FileChange> pending)
    {
        if (!Repo.IsWorkTree(tvm))
            throw new BuildFailure($"{tvm} is not the root of a git checkout.",
                "Adopt changes a TVM clone, where git keeps what it replaces: clone TVM (./build.sh Checkout) and " +
                "adopt into that.");
        var uncommitted = Repo.Uncommitted(tvm, pending.Select(c => c.Path).ToList()).Order().ToList();
        if (uncommitted.Count > 0)
            throw new BuildFailure($"{tvm} has uncommitted changes to paths Adopt writes: " +
                                   $"{string.Join(", ", uncommitted.Take(5))}{More(uncommitted.Count, 5)}.",
                "Commit or stash them first, then run Adopt again.");
        var adopted = (tvm / ".nuke" / "parameters.json").FileExists();
        var foreign = pending.Where(c => c.Kind == ChangeKind.Write && (tvm / c.Path).FileExists() && !adopted)
            .Select(c => c.Path).ToList();
        if (foreign.Count > 0 && !Force)
            throw new BuildFailure($"{tvm} has its own {string.Join(", ", foreign.Take(5))}{More(foreign.Count, 5)}, " +
                                   "which Adopt would overwrite.",
                "Move them away, or pass --force to overwrite them (git keeps the old content).");
    }

    static string More(int count, int shown) => count > shown ? $" and {count - shown} more" : "";

    /// <summary>git check-ignore, in the tree itself: every file of the home is tracked, its output folders are
    /// not.</summary>
    static void ProveIgnoreRules(AbsolutePath tvm, IReadOnlyList<FileChange> changes, IReadOnlyList<string> output)
    {
        var home = changes.Where(c => c.Content is not null).Select(c => c.Path).ToList();
        var ignored = Repo.Ignored(tvm, home);
        var probes = GitIgnoreBlock.Probes(output);
        var tracked = probes.Except(Repo.Ignored(tvm, probes)).ToList();
        if (ignored.Count > 0 || tracked.Count > 0)
            throw new BuildFailure($"git check-ignore disagrees with the .gitignore block: ignored " +
                                   $"{string.Join(", ", ignored)}; not ignored {string.Join(", ", tracked)}.",
                "This is a bug of Adopt: report it with the tree's .gitignore.");
        Log.Information("git check-ignore: the {Count} files of the home are not ignored; {Output} are", home.Count,
            string.Join(" ", output));
    }
}
