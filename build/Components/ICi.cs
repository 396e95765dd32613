using System.Text.Json;
using TvmBuild.Adopt;
using TvmBuild.Ci;
using TvmBuild.Docker;
using TvmBuild.Engine;
using TvmBuild.Tools;
using TvmBuild.Tvm;

/// <summary>CI as data: ci/catalog.yaml names every CI task; CiTask runs one (what CI calls), GenerateCi writes the
/// Jenkinsfile, the GitHub Actions workflow and docs/ci.md's table from the catalog, so a local run and a CI run are
/// the same.</summary>
interface ICi : IHazTvm, IHazGeneratedFiles, ICiInputs
{
    [Parameter("CiTask: the task of ci/catalog.yaml to run, by its name or TVM's stage name (\"unittest: CPU\").")]
    string? Name => TryGetValue(() => Name);

    [Parameter("CiTask: print the catalog's tasks.")]
    bool List => TryGetValue<bool?>(() => List) ?? false;

    [Parameter("CiTask: run shard I of N of a sharded task, as I/N (1-based).")]
    string? Shard => TryGetValue(() => Shard);

    [Parameter("CiTask: first run the tasks it needs (build-cpu for unittest), the same way.")]
    bool WithNeeds => TryGetValue<bool?>(() => WithNeeds) ?? false;

    [Parameter("CiTask: print the kinds of change that decide which tasks run (code, docs, docker; none: skip " +
               "CI), as TVM's Prepare stage decides them against origin/main.")]
    bool Changes => TryGetValue<bool?>(() => Changes) ?? false;

    [Parameter("CiTask: print the CI images the TVM tree names, as JSON (shortcut to full name).")]
    bool Images => TryGetValue<bool?>(() => Images) ?? false;

    [Parameter("GenerateCi: write into this TVM checkout, where its CI reads them (.github/workflows/ci.yml), " +
               "instead of the build's root.", For = [nameof(GenerateCi)])]
    AbsolutePath? Output => TryGetValue(() => Output);

    AbsolutePath CatalogFile => RootDirectory / "ci" / "catalog.yaml";

    CiCatalog Catalog => CatalogReader.Load(CatalogFile, BuildTargetNames, BuildParameterNames);

    IReadOnlySet<string> BuildTargetNames => ExecutableTargets.Where(t => t.Listed).Select(t => t.Name).ToHashSet();
    IReadOnlySet<string> BuildParameterNames => ParameterCatalog.Names(AllParameters).ToHashSet();

    Target CiTask => _ => _
        .Description("Runs one CI task of ci/catalog.yaml (what CI calls), in its image: --name X [--with-needs] " +
                     "[--native]; --list, --changes, --images")
        .Needs(Requirements.Git)
        .RequiresThat(() => FromCacheWithoutStore)
        .Inputs(() => CiTaskInputs())
        .Executes(() =>
        {
            if (List) { CiListing.Print(Catalog, plain: !Host.IsInteractive); return; }
            if (Changes) { Console.Out.WriteLine(ChangeKinds()); return; }
            if (Images)
            {
                var images = DockerImages.Read(TvmRoot, Layout.Images, out var source)
                    .OrderBy(p => p.Key).ToDictionary();
                Console.Out.WriteLine(JsonSerializer.Serialize(images, PlainJson.Default.DictionaryStringString));
                return;
            }
            var catalog = Catalog;
            if (Name is null)
                throw new BuildFailure("CiTask needs --name <task> (or --list, --changes, --images).",
                    $"Tasks: {string.Join(", ", catalog.Tasks.Select(t => t.Name))}.");
            var task = catalog.Find(Name);
            if (catalog.Layouts.Count > 0 && !catalog.Layouts.Contains(Layout.Name))
                throw new BuildFailure($"{CatalogFile} models the CI of TVM {string.Join(", ", catalog.Layouts)}; " +
                    $"{TvmRoot} is a {Layout.Name} tree, whose CI is its own Jenkinsfile and task scripts.",
                    "Run a target (Compile, UnitTest, Lint ...) on this tree, or CiTask on a TVM main checkout.");
            var shard = ShardEnvironment(task);
            var runner = TaskRunner;
            var tasks = Tasks(catalog, task);
            foreach (var each in tasks)
                foreach (var (key, value) in
                         runner.Run(each, runner.Place(each, Docker, Native == true), each == task ? shard : []))
                    ReportSummary(key, value);
            ReportSummary("CI tasks", string.Join(", ", tasks.Select(t => t.Name)));
        });

    Target GenerateCi => _ => _
        .Description("Writes ci/Jenkinsfile and ci/workflows/ci.yml (in a TVM checkout: where its CI reads them) and " +
                     "docs/ci.md's table from ci/catalog.yaml; --check compares instead")
        .Executes(() =>
        {
            var root = Output ?? RootDirectory;
            var inTvm = Output is not null || Layouts.IsTvmTree(root);
            var files = new Dictionary<string, string>(inTvm ? AdoptManifest.Load().PlaceCiFiles(CiFiles) : CiFiles);
            // The table documents this repository's catalog; a TVM checkout gets only the CI files.
            if (!inTvm)
                files["docs/ci.md"] = CiDocs.WithTable((RootDirectory / "docs" / "ci.md").ReadAllText(), Catalog);
            WriteOrCheck(files, root, "ci/catalog.yaml", "GenerateCi");
        });

    /// <summary>The generated CI files, at their paths in this repository.</summary>
    IReadOnlyDictionary<string, string> CiFiles
    {
        get
        {
            var catalog = Catalog;
            const string header = "Generated by `./build.sh GenerateCi` from ci/catalog.yaml - do not edit; " +
                                  "edit the catalog and regenerate.";
            return new Dictionary<string, string>
            {
                ["ci/Jenkinsfile"] = Jenkinsfile.Generate(catalog, header),
                ["ci/workflows/ci.yml"] = GitHubWorkflow.Generate(catalog, header),
            };
        }
    }

    /// <summary>The tasks CiTask runs: --name's, after those it needs with --with-needs.</summary>
    List<CiTaskSpec> Tasks(CiCatalog catalog, CiTaskSpec task) =>
        WithNeeds ? [.. catalog.NeedsOf(task), task] : [task];

    TaskRunner TaskRunner => Session.GetOrAdd("task-runner", () =>
        new TaskRunner(new TaskRunSettings(TvmHome, Root, DockerCliName, Runner, Verbosity == Verbosity.Verbose,
            IsServerBuild, StepBuildDirectory, ImageTag())
        {
            CacheArguments = [.. ResultCache is { } store ? ["--result-cache", store] : Array.Empty<string>(),
                .. NoCache ? ["--no-cache"] : Array.Empty<string>()],
        }));

    /// <summary>A run of one task is keyed (with --list, --changes, --images nothing is).</summary>
    StepInputs? CiTaskInputs()
    {
        if (List || Changes || Images || Name is null) return null;
        var catalog = Catalog;
        var task = catalog.Find(Name);
        if (catalog.Layouts.Count > 0 && !catalog.Layouts.Contains(Layout.Name)) return null;
        var inputs = TaskInputs(catalog, Tasks(catalog, task), TaskRunner, Native == true, StepBuildDirectory);
        return inputs.With("shard", Shard) with { FromCacheOnly = FromCache };
    }

    /// <summary>TVM's pytest plugin shards with TVM_NUM_SHARDS and a 0-based TVM_SHARD_INDEX.</summary>
    Dictionary<string, string> ShardEnvironment(CiTaskSpec task)
    {
        if (Shard is null) return [];
        var parts = Shard.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var index) || !int.TryParse(parts[1], out var count)
            || count != task.Shards || index < 1 || index > count)
            throw new BuildFailure($"--shard {Shard} does not fit task {task.Name}, " +
                $"which has {task.Shards} shard{(task.Shards == 1 ? "" : "s")}.",
                $"Give --shard I/{task.Shards} with I from 1 to {task.Shards}.");
        return new() { ["TVM_NUM_SHARDS"] = count.ToString(), ["TVM_SHARD_INDEX"] = (index - 1).ToString() };
    }

    /// <summary>The build directory a step builds in, as the step's build will choose it (TVM_LIBRARY_PATH).</summary>
    string? StepBuildDirectory(CiStep step, string? image)
    {
        if (TvmHome is null) return null;
        var ofImage = image is null ? null : DockerImages.PresetOf(image);
        var preset = step.Parameter("preset")?[0]
            ?? (ofImage is not null && Layout.Presets.ContainsKey(ofImage) ? ofImage : "cpu");
        return BuildDirectoryOf(TvmRoot, preset, step.Parameter("build-dir")?[0]);
    }

    /// <summary>This build's tag for the images it makes: CI's branch, the tree's commit, CI's build number.</summary>
    string ImageTag()
    {
        var commit = ToolResolver.TryFind("git") is { } git && TvmHome is not null
            ? Runner.OnHost.Probe(new Command(git, ["rev-parse", "--short=10", "HEAD"], TvmRoot), RunOptions.MayFail)
            : null;
        return CiImageTag.Of(Environment.GetEnvironmentVariable,
            commit is { ExitCode: 0 } ? commit.Output.Trim() : null);
    }

    /// <summary>What CiTask --changes prints: TVM's Prepare decision (build/Ci/ChangeDetection.cs) for this tree, its
    /// branch and title (build/Ci/ChangeEnvironment.cs). TVM diffs origin/main after merging it into the pull request;
    /// we diff the merge-base of HEAD and origin/main, which is origin/main itself in a merged checkout and the
    /// change's own base in one that is not, so both give TVM's answer. Both diff the working tree, as TVM's `git diff
    /// -r BASE` does. When git cannot tell, one warning line says why and every kind is printed: every task runs.
    /// </summary>
    string ChangeKinds()
    {
        var (branch, title) = ChangeEnvironment.Read(Environment.GetEnvironmentVariable);
        static void Warn(string message) => Console.Error.WriteLine($"warning: {message}");
        string Everything(string why)
        {
            var all = string.Join(" ", CiCatalog.ChangeKinds);
            Warn($"{why}: printing every kind of change ({all}), so every task runs.");
            return all;
        }
        if (ToolResolver.TryFind("git") is not { } git) return Everything("git is not installed");
        CommandResult Git(params string[] arguments) =>
            Runner.OnHost.Probe(new Command(git, arguments, TvmRoot), RunOptions.MayFail);
        List<string>? Diff(string from)
        {
            var diff = Git("diff", "--no-commit-id", "--name-only", "-r", from);
            return diff.ExitCode == 0 ? [.. diff.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)] : null;
        }

        var mergeBase = Git("merge-base", "HEAD", "origin/main");
        var firstLine = mergeBase.Output.Split('\n')[0].Trim();
        if (mergeBase.ExitCode != 0)
            return Everything($"cannot compare {TvmRoot} with origin/main (git merge-base HEAD origin/main: " +
                $"{(firstLine.Length > 0 ? firstLine : $"exit code {mergeBase.ExitCode}")})");
        if (Diff(firstLine) is not { } againstMain) return Everything($"git diff {firstLine} failed");
        var againstParent = branch == "main" ? Diff("HEAD~1") : null;
        if (branch is null)
            Warn("BRANCH_NAME is not set: counting an image change, as TVM's git_change_docker.sh does " +
                 "(BRANCH_NAME=PR-<number> or main asks what CI would decide).");
        else if (branch == "main" && againstParent is null)
            Warn("main has no HEAD~1 here (a shallow clone?): counting an image change, as TVM's " +
                 "git_change_docker.sh does.");
        return ChangeDetection.Decide(new ChangeFacts(branch, title, againstMain, againstParent)).Kinds;
    }
}
