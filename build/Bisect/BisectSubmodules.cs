using Serilog;
using TvmBuild.Engine;
using TvmBuild.Tools;

namespace TvmBuild.Bisect;

/// <summary>A bisect step's submodules: those the user's checkout has cloned (<c>.git/modules/&lt;name&gt;</c>) are
/// updated in the worktree to the step's commit, cloned from those local copies (no network); the others stay as
/// they are, as they are in the user's checkout.</summary>
public static class BisectSubmodules
{
    public static void Update(ProcessRunner runner, AbsolutePath tree)
    {
        if (!(tree / ".gitmodules").FileExists()) return;
        var repo = new GitRepo(runner, tree);
        var modules = repo.CommonDirectory is { } common ? common / "modules" : null;
        var local = (repo.Ask("config", "--file", ".gitmodules", "--get-regexp", @"^submodule\..*\.path$") ?? "")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', 2))
            .Where(p => p.Length == 2 && p[0].StartsWith("submodule.") && p[0].EndsWith(".path"))
            .Select(p => (Name: p[0]["submodule.".Length..^".path".Length], Path: p[1]))
            .Where(s => modules is not null && (modules / s.Name).DirectoryExists())
            .ToList();
        if (local.Count == 0)
        {
            Log.Information("Bisect step: the checkout has none of the tree's submodules cloned; left as they are");
            return;
        }
        var urls = local.SelectMany(s => new[] { "-c", $"submodule.{s.Name}.url={modules! / s.Name}" });
        var command = repo.Command(["-c", "protocol.file.allow=always", .. urls, "submodule", "update", "--init",
            "--recursive", "--", .. local.Select(s => s.Path)]);
        try
        {
            runner.Run(command);
        }
        catch (ProcessFailure failure)
        {
            throw new BuildFailure($"Bisect step: the submodules of {tree} could not be updated ({failure.Message}).",
                "git's output is above; the bisect stops here.");
        }
    }
}
