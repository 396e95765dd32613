using Serilog;
using TvmBuild.Engine;

namespace TvmBuild.Ci;

/// <summary>Runs the steps of CI tasks. In an image, every container of a task gets what TVM's tests/scripts/ci.py
/// gives its one container: a name and hostname (ci-&lt;task&gt;-&lt;5 letters&gt;), PLATFORM, VERBOSE and
/// TVM_LIBRARY_PATH, plus the task's environment (TEST_STEP_NAME, ...) and CI's own variables; the compiler cache's
/// settings come with the build steps (Compile).</summary>
public sealed class TaskRunner(TaskRunSettings settings)
{
    /// <summary>Runs the task's steps; returns the lines their runs printed under their summary tables.</summary>
    public List<(string Key, string Value)> Run(CiTaskSpec task, TaskPlace place,
        IReadOnlyDictionary<string, string> shard)
    {
        var reported = new List<(string, string)>();
        var container = place.Image is null ? null : $"ci-{task.Name}-{Suffix()}";
        var alias = task.Aliases.Count > 0 ? $" (\"{task.Aliases[0]}\")" : "";
        Log.Information("CI task {Task}{Alias}: {Where}", task.Name, alias,
            place.Image is null ? place.Why : $"in {place.Image} ({place.Why})");
        foreach (var (step, index) in task.Steps.Select((s, i) => (s, i + 1)))
        {
            var environment = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in task.Environment.Concat(step.Environment)) environment[key] = value;
            var extra = new List<string>();
            if (place.Image is not null)
            {
                // ci.py's container environment; the task's own values win (a catalog can set VERBOSE).
                var image = new SortedDictionary<string, string>(StringComparer.Ordinal)
                {
                    ["VERBOSE"] = settings.Verbose || settings.ServerBuild ? "true" : "false",
                };
                if (settings.BuildDirectory(step, place.Image) is { } library) image["TVM_LIBRARY_PATH"] = library;
                foreach (var (key, value) in environment) image[key] = value;
                extra.AddRange(["--docker", place.Image, "--container-name", container!]);
                foreach (var (key, value) in image) extra.AddRange(["--env", $"{key}={value}"]);
                foreach (var name in PassedByName) extra.AddRange(["--env", name]);
            }
            if (settings.Runner.DryRun) extra.Add("--dry-run");
            extra.AddRange(["--docker-cli", settings.DockerCli, "--no-logo"]);
            extra.AddRange(settings.CacheArguments);
            var summary = Path.Combine(Path.GetTempPath(), $"tvm-build-step-{Environment.ProcessId}-{index}.tsv");

            if (settings.Root is not null) extra.AddRange(["--root", settings.Root]);
            var arguments = task.Arguments(step, settings.TvmHome, extra)
                .Select(a => a.Replace(CiImageTag.Placeholder, settings.ImageTag)).ToList();
            // The host sees the same variables: layouts.yaml expands ${TVM_TEST_MARKER} and the like before a
            // container starts.
            var processEnvironment = environment.Concat(shard).ToDictionary(p => p.Key, p => (string?)p.Value);
            var shown = new Command("./build.sh", arguments, null, processEnvironment);
            Log.Information("CI task {Task}, step {Index}/{Count}: {Command}", task.Name, index, task.Steps.Count,
                shown.ToShellString(Directory.GetCurrentDirectory()));
            // This build again: the native binary itself, or dotnet with the build's assembly.
            string[] self = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet"
                ? [Path.Combine(AppContext.BaseDirectory, "_build.dll")] : [];
            // The summary file is the runner's business: the logged command line stays what a user types.
            var run = new List<string>(arguments);
            if (!settings.Runner.DryRun)
                run.InsertRange(run.IndexOf("--") is >= 0 and var end ? end : run.Count, ["--summary-to", summary]);
            var command = new Command(Environment.ProcessPath!, [.. self, .. run], Directory.GetCurrentDirectory(),
                processEnvironment);
            var exitCode = settings.Runner.RunAttached(command, evenInDryRun: true);
            if (File.Exists(summary))
            {
                reported.AddRange(File.ReadAllLines(summary).Select(l => l.Split('\t', 2)).Where(p => p.Length == 2)
                    .Select(p => (p[0], p[1])));
                File.Delete(summary);
            }
            if (exitCode != 0)
                throw new BuildFailure(
                    $"CI task {task.Name} failed at step {index}/{task.Steps.Count} (exit code {exitCode}).",
                    "Its output is above; the step's command line (logged before it) reproduces it alone.");
        }
        return reported;
    }

    /// <summary>Where the task's commands run. In CI they always run in the image (unless the job is the image:
    /// --native, as the GitHub workflow's container jobs say); locally too, when a container engine answers.</summary>
    public TaskPlace Place(CiTaskSpec task, string? docker, bool native) =>
        _places.TryGetValue(task.Name, out var place) ? place : _places[task.Name] = Choose(task, docker, native);

    private readonly Dictionary<string, TaskPlace> _places = [];

    private TaskPlace Choose(CiTaskSpec task, string? docker, bool native)
    {
        if (task.Image == CiCatalog.Host) return new(null, "on this machine (the task starts no container)");
        if (native) return new(null, "on this machine (--native)");
        if (!string.IsNullOrEmpty(docker)) return new(docker, "--docker");
        if (docker is not null) return new(task.Image, "--docker");
        if (settings.ServerBuild) return new(task.Image, "as CI runs it");
        if (EngineProblem() is { } problem)
        {
            Log.Warning("{Problem}: running CI task {Task} on this machine, not in {Image}. " +
                        "Pass --native to say so, or --docker-cli podman", problem, task.Name, task.Image);
            return new(null, $"on this machine ({problem})");
        }
        return new(task.Image, $"as CI runs it; {settings.DockerCli} answers here");
    }

    /// <summary>Null when the container CLI is here and its engine answers `info`; else why not.</summary>
    private string? EngineProblem()
    {
        if (ToolResolver.TryFind(settings.DockerCli) is not { } cli) return $"no {settings.DockerCli} on PATH";
        var info = settings.Runner.OnHost.Probe(new Command(cli, "info"), RunOptions.MayFail);
        return info.ExitCode == 0 ? null
            : $"'{settings.DockerCli} info' failed (exit code {info.ExitCode}: is its engine running?)";
    }

    /// <summary>TVM's Jenkinsfiles start every container with <c>docker/bash.sh --env CI --env SKIP_SLOW_TESTS
    /// --env CI_NUM_EXECUTORS ...</c>: by name, so each has the CI machine's value, or is unset where it is. TVM's
    /// tests only block unmirrored downloads when CI is set.</summary>
    private static readonly string[] PassedByName = ["CI", "CI_NUM_EXECUTORS", "SKIP_SLOW_TESTS"];

    // ci.py names its containers ci-<name>-<5 random letters>, so that two runs never share a name.
    private static string Suffix() =>
        new(Enumerable.Range(0, 5).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());
}
