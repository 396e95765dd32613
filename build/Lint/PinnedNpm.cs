using System.Text.Json;
using TvmBuild.Engine;

namespace TvmBuild.Lint;

/// <summary>Installs pinned npm packages on first use into a cache outside the TVM tree, one folder per version
/// (<c>$XDG_CACHE_HOME/tvm-build/npm/PACKAGE@VERSION</c>, else <c>~/.cache/tvm-build/...</c>), then uses them
/// with no network. npm keeps its own cache beside them, so a deleted folder comes back offline.</summary>
public sealed class PinnedNpm(ProcessRunner runner)
{
    private readonly Dictionary<string, PinnedPackage> _resolved = [];

    /// <summary>The standard user cache (XDG base directories), where npm and pip keep theirs too.</summary>
    public static AbsolutePath CacheRoot
    {
        get
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var root = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg) ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return AbsolutePath.Create(Path.Combine(root, "tvm-build"));
        }
    }

    /// <param name="minimum">The first version of the package that can stand in for the tool (older ones lack what
    /// the linter needs, e.g. a full CLI).</param>
    public PinnedPackage Get(string package, string pinned, string? minimum = null)
    {
        lock (_resolved)
        {
            var key = $"{package}@{pinned}";
            if (!_resolved.TryGetValue(key, out var found)) _resolved[key] = found = Resolve(package, pinned, minimum);
            return found;
        }
    }

    private PinnedPackage Resolve(string package, string pinned, string? minimum)
    {
        // A pin npm does not serve is resolved once to the nearest version it does, and remembered (offline later).
        var substitute = Substitute(package, pinned);
        var recorded = substitute.FileExists() ? substitute.ReadAllText().Trim() : null;
        var used = recorded is not null && AtLeast(recorded, minimum) ? recorded
            : AtLeast(pinned, minimum) ? pinned : null;
        if (used is null) // older than any usable build: the nearest usable one, asked of npm once
        {
            var npmTool = runner.OnHost.TryFind("npm");
            used = npmTool is null || runner.DryRun ? minimum! : Nearest(npmTool, package, pinned, minimum) ?? minimum!;
            if (!runner.DryRun) substitute.WriteAllTextAtomically(used + "\n");
        }
        var directory = InstallFolder(package, used);
        if (IsInstalled(directory, package))
            return new(package, pinned, used, directory / "node_modules" / package, null);
        var npm = runner.OnHost.TryFind("npm");
        if (npm is null) return new(package, pinned, used, null, "npm missing: apt-get install npm");
        if (runner.DryRun)
        {
            Console.Out.WriteLine($"# would install {package}@{used} into {directory}");
            return new(package, pinned, used, null, null);
        }
        var error = Install(npm, package, used, directory);
        if (error is not null && used == pinned && error.Contains("ETARGET"))
        {
            var nearest = Nearest(npm, package, pinned, minimum);
            if (nearest is null) return new(package, pinned, pinned, null, $"npm serves no {package} near {pinned}");
            substitute.WriteAllTextAtomically(nearest + "\n");
            return Resolve(package, pinned, minimum);
        }
        return error is null ? new(package, pinned, used, directory / "node_modules" / package, null)
            : new(package, pinned, used, null, $"npm install {package}@{used} failed: {error}");
    }

    /// <summary>npm install into a temporary folder beside the target, renamed when complete: nothing half-installed
    /// is ever used.</summary>
    private string? Install(string npm, string package, string version, AbsolutePath directory)
    {
        Serilog.Log.Information(
            "Installing {Package}@{Version} into {Directory} (its first use; later runs need no network)",
            package, version, directory);
        var temporary = AbsolutePath.Create($"{directory}.partial-{Environment.ProcessId}");
        temporary.CreateDirectory();
        try
        {
            var install = new Command(npm, ["install", "--prefix", temporary, "--no-audit", "--no-fund",
                "--no-package-lock", "--no-save", "--prefer-offline", "--cache", CacheRoot / "npm-cache",
                $"{package}@{version}"]);
            var result = runner.OnHost.Run(install, new RunOptions { AllowFailure = true, Quiet = true });
            if (result.ExitCode != 0)
                return string.Join(" | ", result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Select(l => l.Trim()).Where(l => l.Contains("err", StringComparison.OrdinalIgnoreCase)).Take(3));
            // A stale folder without the package (an install killed before 2 of these lines) makes way.
            if (directory.DirectoryExists()) Directory.Delete(directory, recursive: true);
            Directory.Move(temporary, directory);
            return null;
        }
        finally
        {
            if (temporary.DirectoryExists()) Directory.Delete(temporary, recursive: true);
        }
    }

    /// <summary>The published version nearest to the pin: the same major first, then the smallest distance.</summary>
    private string? Nearest(string npm, string package, string pinned, string? minimum)
    {
        var result = runner.OnHost.Probe(new Command(npm, ["view", package, "versions", "--json"]), RunOptions.MayFail);
        if (result.ExitCode != 0) return null;
        var versions = JsonSerializer.Deserialize(result.Output, PlainJson.Default.StringArray) ?? [];
        return Nearest(versions.Where(v => AtLeast(v, minimum)), pinned);
    }

    private static long[] Parts(string v) => v.Split('-')[0].Split('.').Select(p => long.TryParse(p, out var n) ? n : 0)
        .Concat(new long[3]).Take(3).ToArray();

    private static bool AtLeast(string version, string? minimum) => minimum is null ||
        Parts(version).Zip(Parts(minimum)).Select(p => p.First.CompareTo(p.Second)).FirstOrDefault(c => c != 0) >= 0;

    public static string? Nearest(IEnumerable<string> versions, string pinned)
    {
        var pin = Parts(pinned);
        return versions.Where(v => !v.Contains('-'))
            .OrderBy(v => Parts(v)[0] == pin[0] ? 0 : 1)
            .ThenBy(v => Math.Abs(Parts(v)[0] - pin[0]))
            .ThenBy(v => Math.Abs((Parts(v)[1] - pin[1]) * 100000 + Parts(v)[2] - pin[2]))
            .ThenBy(v => Parts(v)[1] * 100000 + Parts(v)[2]) // a tie goes to the older
            .FirstOrDefault();
    }

    /// <summary>The version of the package a Lint installed for this pin (it or its recorded nearest), if any; installs
    /// nothing (Doctor).</summary>
    public static string? Installed(string package, string pinned)
    {
        var substitute = Substitute(package, pinned);
        var used = substitute.FileExists() ? substitute.ReadAllText().Trim() : pinned;
        return IsInstalled(InstallFolder(package, used), package) ? used : null;
    }

    /// <summary>Where the nearest served version of a pin npm does not serve is remembered.</summary>
    private static AbsolutePath Substitute(string package, string pinned) =>
        CacheRoot / "npm" / $"{Folder(package)}@{pinned}.nearest";

    /// <summary>The folder of one installed version.</summary>
    private static AbsolutePath InstallFolder(string package, string version) =>
        CacheRoot / "npm" / $"{Folder(package)}@{version}";

    private static bool IsInstalled(AbsolutePath directory, string package) =>
        (directory / "node_modules" / package / "package.json").FileExists();

    private static string Folder(string package) => package.Replace('/', '+');
}
