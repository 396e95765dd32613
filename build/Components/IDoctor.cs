using Serilog;
using TvmBuild.Engine;
using TvmBuild.Tools;

/// <summary>Which tools each target needs (what the targets declare with Needs, with their dependencies'), which
/// this machine has (with versions), and how to get the rest.</summary>
interface IDoctor : INukeBuild
{
    [Parameter("Doctor: only the tools these targets need (default: every target's).", Name = "for")]
    string[] DoctorFor => TryGetValue(() => DoctorFor) ?? [];

    Target Doctor => _ => _
        .Description("Lists the tools each target needs, which are present (with versions) and how to get the missing ones")
        .Executes(() =>
        {
            var chosen = DoctorFor.Length > 0
                ? DoctorFor.Select(n => ExecutionPlanner.Find(ExecutableTargets, n)).ToList()
                : ExecutableTargets.Where(t => t.Listed && t.Name != "Doctor").ToList();
            var needed = chosen.SelectMany(t => WithDependencies(t).SelectMany(d => d.Needs).OfType<Requirement>()
                    .Select(r => (Target: t.Name, Requirement: r)))
                .GroupBy(x => x.Requirement.Name).ToList();
            var missing = new List<string>();
            Console.Out.WriteLine($"{"Tool",-22} {"Found",-60} Needed by");
            foreach (var group in needed)
            {
                var requirement = group.First().Requirement;
                var found = requirement.Probe(Runner.OnHost);
                var users = string.Join(" ", group.Select(x => x.Target).Distinct());
                var shown = found ?? $"MISSING{(requirement.Optional ? " (optional)" : "")}: {requirement.Install}";
                Console.Out.WriteLine($"{requirement.Name,-22} {shown,-60} {users}");
                if (found is null && !requirement.Optional) missing.Add($"{requirement.Name} ({users})");
            }
            if (missing.Count > 0)
                throw new BuildFailure($"Missing: {string.Join("; ", missing)}.", "Install what the table says, or run those targets with --docker.");
            Log.Information("Everything {Targets} needs is here", string.Join(", ", chosen.Select(t => t.Name)));
        });

    static IEnumerable<ExecutableTarget> WithDependencies(ExecutableTarget target) =>
        target.ExecutionDependencies.SelectMany(WithDependencies).Prepend(target).Distinct();
}
