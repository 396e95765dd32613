using TvmBuild.Engine;

/// <summary>Data only: what a contributor changed, for the targets that look at that alone (Lint) or first
/// (UnitTest): the files changed against --base plus untracked ones, as Lint's LintFiles.Choose finds them.</summary>
interface IHazChanges : IHazTvm
{
    [Parameter("Lint: only files changed against --base, plus untracked ones " +
               "(the default on a terminal; --all under CI); UnitTest: the test files among them run first, " +
               "then the rest of the suite.",
        For = ["Lint", "UnitTest"])]
    bool Changed => TryGetValue<bool?>(() => Changed) ?? false;

    [Parameter("Lint --changed, UnitTest --changed: the commit to compare with (default: the merge-base with " +
               "origin/main, else HEAD).",
        Name = "base", For = ["Lint", "UnitTest"])]
    string? BaseRef => TryGetValue(() => BaseRef);
}
