using Serilog;
using TvmBuild.Engine;
using TvmBuild.Tools;

/// <summary>Which tools each target needs, which this machine has (with versions), and how to get the rest.</summary>
interface IDoctor : INukeBuild
{
    [Parameter("Doctor: only the tools these targets need (default: every target's).", Name = "for")]
    string[] DoctorFor => TryGetValue(() => DoctorFor) ?? [];

    Target Doctor => _ => _
        .Description("Lists the tools each target needs, which are present (with versions) and how to get the missing ones")
        .Executes(() =>
        {
            var names = DoctorFor.Length > 0
                ? DoctorFor.Select(n => ExecutionPlanner.Find(ExecutableTargets, n).Name).ToList()
                : ExecutableTargets.Where(t => t.Listed && t.Name != "Doctor").Select(t => t.Name).ToList();
            var needed = names.SelectMany(n => Requirements.Of(n, RootDirectory).Select(r => (Target: n, Requirement: r)))
                .GroupBy(x => x.Requirement.Tool).ToList();
            var missing = new List<string>();
            Console.Out.WriteLine($"{"Tool",-22} {"Found",-60} Needed by");
            foreach (var group in needed)
            {
                var requirement = group.First().Requirement;
                var found = requirement.Probe();
                var users = string.Join(" ", group.Select(x => x.Target).Distinct());
                var shown = found ?? $"MISSING{(requirement.Optional ? " (optional)" : "")}: {requirement.Install}";
                Console.Out.WriteLine($"{requirement.Tool,-22} {shown,-60} {users}");
                if (found is null && !requirement.Optional) missing.Add($"{requirement.Tool} ({users})");
            }
            if (missing.Count > 0)
                throw new BuildFailure($"Missing: {string.Join("; ", missing)}.", "Install what the table says, or run those targets with --docker.");
            Log.Information("Everything {Targets} needs is here", string.Join(", ", names));
        });
}
