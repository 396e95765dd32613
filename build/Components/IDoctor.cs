using Serilog;
using Spectre.Console;
using TvmBuild.Engine;
using TvmBuild.Tools;
using TvmBuild.Tvm;

/// <summary>What each target needs on this machine, for the tree at --tvm-home: the tools targets declare (Needs), and
/// what the tree asks (its CMake, submodules, the preset's libraries and llvm-config, the Python modules its tests and
/// docs import, its pinned linters); what is present (with versions) and how to get the rest. With --for it fails when
/// a target asked about cannot run; without, it reports. It answers for what the targets will do there: what the
/// tree's CMake uses, the config Configure writes, the image's tools with --docker.</summary>
interface IDoctor : IConfigure
{
    [Parameter("Doctor: only what these targets need, failing when one cannot run (default: every target's, as a " +
               "report).", Name = "for")]
    string[] DoctorFor => TryGetValue(() => DoctorFor) ?? [];

    Target Doctor => _ => _
        .Description("Checks what each target needs here for the tree at --tvm-home (tools, CMake, submodules, the " +
                     "preset's libraries, Python modules, pinned linters, a container engine that answers) " +
                     "and how to get it")
        .Executes(() =>
        {
            var chosen = DoctorFor.Length > 0
                ? DoctorFor.SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries))
                    .Select(n => ExecutionPlanner.Find(ExecutableTargets, n.Trim())).ToList()
                : ExecutableTargets.Where(t => t.Listed && t.Name != "Doctor").ToList();
            var planned = chosen.SelectMany(WithDependencies).Select(t => t.Name).ToHashSet();
            var rows = ToolRows(chosen).Concat(TvmHome is null ? [] : TreeRows(planned)).ToList();
            var needers = rows.ToDictionary(r => r,
                r => chosen.Where(t => WithDependencies(t).Any(d => r.Targets.Contains(d.Name)))
                .Select(t => t.Name).ToList());
            var shown = rows.Where(r => needers[r].Count > 0).ToList();
            var table = Tables.Create("Needs", "Found (or how to get it)", "Needed by");
            foreach (var r in shown) table.AddRow(Tables.Cells(r.Need, r.FoundText, NeededBy(r, needers[r])));
            Console.Out.WriteLine(Tables.Render(table, plain: !Host.IsInteractive));
            Verdict(chosen, shown, needers);
        });

    /// <summary>With --docker, what the image brings: the commands of a target that needs something of the image
    /// run in it (docker mode), so its tools are not asked of this machine; a container engine is.</summary>
    string? InImage => Docker is null ? null : $"the image's (--docker {Docker})";

    /// <summary>The tools the chosen targets (and what they depend on) declare with Needs.</summary>
    IEnumerable<DoctorRow> ToolRows(IReadOnlyList<ExecutableTarget> chosen)
    {
        var planned = chosen.SelectMany(WithDependencies).Distinct().ToList();
        var needs = planned.SelectMany(d => d.Needs.OfType<Requirement>().Select(r => (Target: d.Name, r)));
        if (Docker is not null)
            needs = needs.Concat(planned.Where(d => d.Needs.Any(n => n.InImage))
                .Select(d => (Target: d.Name, r: Requirements.ContainerEngine)));
        return needs.GroupBy(x => x.r.Name).Select(g =>
        {
            var r = g.First().r;
            var found = r.InImage && InImage is { } image ? image : r.Probe(Runner.OnHost);
            return new DoctorRow(g.Key, found, r.Install, [.. g.Select(x => x.Target).Distinct()], r.Optional);
        });
    }

    /// <summary>What the tree at --tvm-home asks of the targets that will run; the others' checks are not made (Lint's
    /// would fetch its pinned tools). The config is Configure's: the preset, then --cmake-option (--native: the
    /// preset's missing features are worked around), or what the build directory remembers of them.</summary>
    IEnumerable<DoctorRow> TreeRows(IReadOnlySet<string> planned)
    {
        var layout = Layout;
        var choice = ConfigChoice;
        Log.Information("The tree: {Tree} ({Layout} layout), preset {Preset}{Native}", TvmRoot, layout.Name, Preset,
            Docker is not null ? $"; --docker {Docker}: the image brings the tools and the preset's libraries"
            : choice.Native ? ", --native" : " (--native shows what it would turn off)");
        if (planned.Contains(nameof(Configure)))
        {
            var settings = PresetSettings.Select(ConfigSetting.Parse)
                .Concat(choice.CMakeOptions.Select(ParseOption).Select(o => new ConfigSetting(o.Key, o.Value)))
                .ToList();
            foreach (var row in TreeNeeds.CMakeAndSubmodules(TvmRoot, layout, Runner.OnHost, InImage)
                         .Concat(TreeNeeds.Preset(PresetChecks(settings), TvmRoot, layout, choice.Native, InImage)))
                yield return row;
        }
        if (planned.Overlaps([nameof(ITest.UnitTest), nameof(ITest.IntegrationTest), nameof(IDocs.Docs)]))
        {
            var tests = new Machine(Runner.OnHost, Python ?? (Docker is null ? FirstPython("pytest") : null));
            var docs = new Machine(Runner.OnHost, Python ?? (Docker is null ? FirstPython("sphinx") : null));
            foreach (var row in TreeNeeds.PythonModules(layout, tests, docs, InImage)) yield return row;
        }
        if (!planned.Contains(nameof(ILint.Lint))) yield break;
        foreach (var row in TreeNeeds.LintPins(RootDirectory, TvmRoot, layout, Runner.OnHost, FirstPython("pytest")))
            yield return row;
    }

    /// <summary>The interpreter the targets would pick: the first of python3 and /usr/bin/python3 that has the
    /// module.</summary>
    string FirstPython(string module)
    {
        var candidates = new[] { ToolResolver.TryFind("python3"), "/usr/bin/python3" }
            .OfType<string>().Where(File.Exists).Distinct().ToList();
        return candidates.FirstOrDefault(p => TvmBuild.Tools.Python.CanImport(Runner.OnHost, p, module))
            ?? candidates.FirstOrDefault() ?? "python3";
    }

    void Verdict(IReadOnlyList<ExecutableTarget> chosen, IReadOnlyList<DoctorRow> rows,
        IReadOnlyDictionary<DoctorRow, List<string>> needers)
    {
        if (TvmHome is null)
            Log.Information("No --tvm-home: what a tree asks (its CMake, submodules, the preset's libraries, " +
                            "Python modules, pinned linters) is not checked");
        var blocking = rows.Where(r => r.Blocks).ToList();
        var cannot = chosen.Where(t => blocking.Any(r => needers[r].Contains(t.Name))).Select(t => t.Name).ToList();
        if (cannot.Count == 0)
        {
            Log.Information("Everything {Targets} need{S} is here",
                string.Join(", ", chosen.Select(t => t.Name)), chosen.Count == 1 ? "s" : "");
            return;
        }
        var missing = string.Join("; ", blocking.Select(r => $"{r.Need} ({NeededBy(r, needers[r])})"));
        var hint = "Install what the table says" + (Docker is null ? ", or run those targets with --docker" : "")
            + (blocking.Any(r => r.FromPreset)
            ? "; the preset's features: --native turns them off (Doctor --native shows it)." : ".");
        if (DoctorFor.Length > 0) throw new BuildFailure($"Missing: {missing}.", hint);
        Log.Information("Ready here: {Ready}", string.Join(", ", chosen.Select(t => t.Name).Except(cannot)));
        Log.Warning("Cannot run here yet: {Cannot} ({Count} missing, see the table; " +
                    "--for <targets> fails on them). {Hint}",
            string.Join(", ", cannot), blocking.Count, hint);
    }

    /// <summary>The targets that declare it, and how many asked about run after them: "Configure +7".</summary>
    static string NeededBy(DoctorRow row, IReadOnlyList<string> needers)
    {
        var own = needers.Where(row.Targets.Contains).ToList();
        var after = needers.Count - own.Count;
        if (own.Count > 0) return string.Join(" ", own) + (after > 0 ? $" +{after} after" : "");
        return after <= 2
            ? $"{string.Join(" ", needers)} (via {row.Targets[0]})"
            : $"{after} targets (via {row.Targets[0]})";
    }

    static IEnumerable<ExecutableTarget> WithDependencies(ExecutableTarget target) =>
        target.ExecutionDependencies.SelectMany(WithDependencies).Prepend(target).Distinct();
}
