using Serilog;
using TvmBuild.Bisect;
using TvmBuild.Engine;
using TvmBuild.Tools;

/// <summary><c>git bisect run</c> with this build's own targets as the test: each step is <c>build.sh &lt;the
/// arguments after --&gt; --tvm-home &lt;worktree&gt;</c> on the commit git checked out, in one fixed worktree of the
/// TVM tree (BisectWorktree), so the user's checkout, index and edits are never touched and the build directories,
/// compiler cache and result cache stay warm.</summary>
interface IBisect : IHazTvm
{
    [Parameter("Bisect: a commit where the targets after -- succeed (branch, tag or hash).", For = [nameof(Bisect)])]
    string? Good => TryGetValue(() => Good);

    [Parameter("Bisect: a commit where the targets after -- fail (default: HEAD).", For = [nameof(Bisect)])]
    string? Bad => TryGetValue(() => Bad);

    [Parameter("Bisect: targets whose failure makes a commit untestable (skipped, git bisect's exit 125) " +
               "instead of bad, e.g. Configure Compile when looking for a test that broke (default: none, any " +
               "failing target makes the commit bad).", For = [nameof(Bisect)])]
    string[] Untestable => TryGetValue(() => Untestable) ?? [];

    /// <summary>Set by Bisect in the environment of its steps (TVM_BUILD_BISECT_STEP), never typed.</summary>
    [Parameter("Set by Bisect for the builds it runs as steps.", List = false, For = [nameof(Bisect)])]
    bool BisectStep => TryGetValue<bool?>(() => BisectStep) ?? false;

    Target Bisect => _ => _
        .Description("Finds the first commit where the targets after -- fail (git bisect run in a worktree of the " +
                     "TVM tree)")
        .Needs(Requirements.Git)
        .TakesArguments()
        .RequiresThat(CheckBisectInput)
        .Executes(() =>
        {
            var input = BisectInput;
            var path = BisectWorktree.PathFor(input.Tree);
            using var hold = Runner.DryRun ? null : BisectLock.Hold(path);
            var inside = Path.GetRelativePath(input.TopLevel, TvmRoot);
            var stepTree = inside == "." ? path : path / inside;
            string[] step = [RootDirectory / "build.sh", .. input.Step, "--tvm-home", stepTree];
            var environment = new Dictionary<string, string?>
            {
                ["TVM_BUILD_BISECT_STEP"] = "true",
                ["TVM_BUILD_UNTESTABLE"] = Untestable.Length == 0 ? null : string.Join(" ", Untestable),
            };
            var caches = new[] { "ccache", "sccache" }.Select(t => CompilerCaches.Read(Runner, t)).ToList();
            var worktree = BisectWorktree.Prepare(Runner, input.Tree, path, input.Bad);
            string? first = null;
            try
            {
                Runner.Run(worktree.Command("bisect", "start", input.Bad, input.Good, "--"));
                var run = Runner.Run(worktree.Command(["bisect", "run", .. step]).WithEnvironment(environment),
                    RunOptions.MayFail);
                if (Runner.DryRun) return;
                var outcome = BisectOutcome.Read(worktree.Always("bisect", "log").Output, run.Output);
                first = outcome.FirstBad;
                ReportCache(caches);
                Report(input, outcome, run, worktree, string.Join(" ", step.Select(Command.Quote)));
            }
            finally
            {
                // Ctrl-C and failures too: no bisect is left in progress; the worktree stays, at the first bad commit
                // when there is one, else where the bisect started (--bad).
                if (!Runner.DryRun)
                {
                    worktree.Always(first is null ? ["bisect", "reset"] : ["bisect", "reset", first]);
                    ReportSummary("Bisect worktree", $"kept at {path}, so its builds stay warm " +
                        $"({BisectWorktree.RemoveCommand(input.Tree, path)} removes it)");
                }
            }
        });

    /// <summary>Bad input stops the build before anything runs: one line and a hint, as any requirement.</summary>
    string? CheckBisectInput()
    {
        _ = BisectInput;
        return null;
    }

    BisectInput BisectInput => Session.GetOrAdd("bisect-input", () => TvmBuild.Bisect.BisectInput.Check(Runner,
        TvmRoot, Good, Bad ?? "HEAD", RemainingArguments, ExecutableTargets, Untestable,
        ParameterCatalog.Names(AllParameters).ToList()));

    void Report(BisectInput input, BisectOutcome outcome, CommandResult run, GitRepo worktree, string step)
    {
        var steps = $"{outcome.Steps} steps" + (outcome.Skipped > 0 ? $", {outcome.Skipped} skipped" : "");
        if (outcome.FirstBad is { } first)
        {
            var described = input.Tree.Describe(first);
            Log.Information("First bad commit: {Commit}", described);
            // git takes --bad's word: when every commit it tested was good, no step ever ran on the answer.
            var untested = first == input.Bad && outcome.Steps == outcome.Good
                ? "; no step ran on it: every commit tested was good, so check that --bad fails (the command below)"
                : "";
            ReportSummary("Bisect", $"first bad commit {described} ({steps}{untested})");
            ReportSummary("Bisect reproduce", $"{worktree.Command("checkout", "--quiet", "--detach", first)
                .CommandLine} && {step}");
            return;
        }
        if (outcome.Candidates.Count > 0)
            throw new BuildFailure($"Only untestable commits are left ({steps}): the first bad commit is one of " +
                string.Join(", ", outcome.Candidates.Select(c => c[..12])) + ".",
                "Their steps failed in --untestable targets; run a step by hand on them to see why.");
        var reason = run.Output.Split('\n').Select(l => l.Trim().Replace("error: ", ""))
            .LastOrDefault(l => l.StartsWith("bisect run ") || l.StartsWith("fatal:")) ?? $"exit {run.ExitCode}";
        throw new BuildFailure($"git bisect run stopped after {steps}: {reason}",
            "A step that exits 128 or more ends the bisect: its build could not start its targets (a bad parameter, " +
            "a missing tool: its error is above) or was interrupted.");
    }

    void ReportCache(IReadOnlyList<CacheStats?> before)
    {
        foreach (var start in before.OfType<CacheStats>())
            if (CompilerCaches.Read(Runner, start.Tool) is { } end && end - start is var used
                && used.Hits + used.Misses > 0)
                ReportSummary("Bisect compiler cache", used.ToString());
    }

    /// <summary>A step's submodules follow its commit (BisectSubmodules); called before its targets run.</summary>
    void BisectStepStarting()
    {
        if (BisectStep && Tree is not null) BisectSubmodules.Update(Runner, TvmRoot);
    }

    /// <summary>A step's exit code as git bisect run reads it: 0 good, 1 bad, 125 untestable (every failed target
    /// is --untestable); Ctrl-C stays 130 and a build that could not start its targets 255, which end the
    /// bisect.</summary>
    void BisectStepFinished()
    {
        if (!BisectStep) return;
        var failed = ExecutionPlan.Where(t => t.Status == ExecutionStatus.Failed).Select(t => t.Name).ToList();
        if (failed.Count == 0) return;
        var untestable = failed.All(f => Untestable.Any(u => u.Equals(f, StringComparison.OrdinalIgnoreCase)));
        ExitCode = untestable ? 125 : 1;
        Log.Information("Bisect step: {Verdict}: {Failed} failed", untestable ? "untestable (125)" : "bad (1)",
            string.Join(", ", failed));
    }
}
