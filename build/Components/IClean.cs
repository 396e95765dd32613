using Serilog;
using TvmBuild.Engine;
using TvmBuild.Tvm;

/// <summary>Removes build directories (what the Makefile's and ci.py's clean did), and only those: a folder goes only
/// when it proves to be one (the marker Configure writes, or a CMake cache) and is not the tree, a folder holding
/// it, / or the home folder. Anything else is refused before anything is removed.</summary>
interface IClean : IHazTvm
{
    Target Clean => _ => _
        .Description("Removes the build directory of --preset (or --build-dir); " +
                     "--all removes every build-* of the tree")
        .Before<IConfigure>(x => x.Configure)
        .RequiresThat(() => NotInContainer("Clean"))
        .Executes(() =>
        {
            var layout = Layout; // a folder that is not a TVM tree fails here, before anything is looked at
            var candidates = All ? TvmRoot.GlobDirectories("build-*").ToList() : [BuildDirectory];
            var present = candidates.Where(d => d.Exists() || BuildDirectories.IsLink(d)).ToList();
            var refused = present.Where(d => !BuildDirectories.IsLink(d))
                .Select(d => (Directory: d, Why: BuildDirectories.RefuseToRemove(d, TvmRoot, RootDirectory)))
                .Where(r => r.Why is not null).ToList();
            if (refused.Count > 0)
            {
                foreach (var (directory, why) in refused.Skip(1))
                    Log.Error("Refusing to remove {Directory}: {Why}", directory, why);
                throw new BuildFailure(
                    $"Refusing to remove {refused[0].Directory}: {refused[0].Why}. Nothing was removed.",
                    "Clean removes only build directories; delete anything else yourself.");
            }
            if (present.Count == 0) Log.Information("Nothing to clean in {Tree} ({Layout})", TvmRoot, layout.Name);
            foreach (var directory in present) Remove(directory);
        });

    void Remove(AbsolutePath directory)
    {
        var link = BuildDirectories.IsLink(directory);
        if (Runner.DryRun)
        {
            Console.Out.WriteLine($"{(link ? "rm" : "rm -rf")} {Command.Quote(directory)}");
            return;
        }
        if (link)
        {
            File.Delete(directory); // the link only, never what it points at
            Log.Information("Removed the link {Directory}", directory);
            return;
        }
        if (!Session.Contains<FileStream>(directory) && BuildDirectories.IsLockedElsewhere(directory))
            throw new BuildFailure($"Another build is using {directory} right now.",
                "Wait for it to finish before cleaning.");
        directory.DeleteDirectory();
        Log.Information("Removed {Directory}", directory);
    }
}
