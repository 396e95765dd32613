using Serilog;
using TvmBuild.Engine;

/// <summary>Removes build directories (what the Makefile's and ci.py's clean did).</summary>
interface IClean : IHazTvm
{
    Target Clean => _ => _
        .Description("Removes the build directory of --preset (or --build-dir); --all removes every build-*")
        .Before<IConfigure>(x => x.Configure)
        .RequiresThat(() => NotInContainer("Clean"))
        .Executes(() =>
        {
            var directories = (All ? TvmRoot.GlobDirectories("build-*") : [BuildDirectory]).Where(d => d.DirectoryExists()).ToList();
            if (directories.Count == 0) Log.Information("Nothing to clean in {Tree}", TvmRoot);
            foreach (var directory in directories)
            {
                if (ProcessTasks.DryRun)
                {
                    Console.Out.WriteLine($"rm -rf {Command.Quote(directory)}");
                    continue;
                }
                LockCheck(directory);
                directory.DeleteDirectory();
                Log.Information("Removed {Directory}", directory);
            }
        });

    static void LockCheck(AbsolutePath directory)
    {
        var lockFile = directory / ".tvm-build.lock";
        if (!lockFile.FileExists() || TvmState.Locks.ContainsKey(directory)) return;
        try { using var _ = new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None); }
        catch (IOException) { throw new BuildFailure($"Another build is using {directory} right now.", "Wait for it to finish before cleaning."); }
    }
}
