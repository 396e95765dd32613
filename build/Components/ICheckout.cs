using Serilog;
using TvmBuild.Engine;
using TvmBuild.Tools;

/// <summary>Clones TVM with its submodules into --tvm-home when there is no tree there yet.</summary>
interface ICheckout : IHazTvm
{
    [Parameter("Git URL or local path/mirror to clone TVM from.")]
    string TvmRepo => TryGetValue(() => TvmRepo) ?? "https://github.com/apache/tvm";

    [Parameter("Branch, tag or commit to check out.")]
    string TvmRef => TryGetValue(() => TvmRef) ?? "main";

    Target Checkout => _ => _
        .Description("Clones TVM and its submodules into --tvm-home (an existing tree is left alone)")
        .Needs(Requirements.Git)
        .Requires(() => TvmHome)
        .RequiresThat(() => NotInContainer("Checkout"))
        .Executes(() =>
        {
            var target = TvmRoot;
            if (target.DirectoryExists() && Directory.EnumerateFileSystemEntries(target).Any())
            {
                Log.Information("A tree already exists at {Tree}; leaving it alone", target);
                return;
            }
            // Clone next to the target and move it in place at the end, so a failure leaves nothing half-written.
            var partial = AbsolutePath.Create($"{target}.partial-{Environment.ProcessId}");
            try
            {
                Runner.Run(Git.Clone(TvmRepo, partial));
                Runner.Run(Git.Checkout(partial, TvmRef),
                    new RunOptions { FailureHint = $"Is '{TvmRef}' a branch, tag or commit of {TvmRepo}?" });
                Runner.Run(Git.UpdateSubmodules(partial), new RunOptions
                {
                    FailureHint = "Submodules come from their own URLs (.gitmodules); check that they are reachable."
                });
                if (!Runner.DryRun)
                {
                    if (target.DirectoryExists()) Directory.Delete(target);
                    Directory.Move(partial, target);
                }
                Log.Information("Checked out {Ref} of {Repo} into {Tree}", TvmRef, TvmRepo, target);
            }
            finally
            {
                partial.DeleteDirectory();
            }
        });
}
