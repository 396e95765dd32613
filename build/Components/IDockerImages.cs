using Serilog;
using TvmBuild.Docker;
using TvmBuild.Engine;
using TvmBuild.Tools;

/// <summary>docker/build.sh (BuildImage) and docker/clear-stale-images.sh (ClearStaleImages).</summary>
interface IDockerImages : IDocker
{
    [Parameter("BuildImage: the image type, i.e. docker/Dockerfile.<image> (ci_cpu, ci_gpu, ...).",
        For = [nameof(BuildImage)])]
    string? Image => TryGetValue(() => Image);

    [Parameter("BuildImage: the tag (docker/build.sh's --tag; default latest).", For = [nameof(BuildImage)])]
    string ImageTag => TryGetValue(() => ImageTag) ?? "latest";

    [Parameter("BuildImage: another Dockerfile (default docker/Dockerfile.<image>).", For = [nameof(BuildImage)])]
    string? Dockerfile => TryGetValue(() => Dockerfile);

    [Parameter("BuildImage: the build context (default: the Dockerfile's folder).", For = [nameof(BuildImage)])]
    string? ContextPath => TryGetValue(() => ContextPath);

    [Parameter("BuildImage: the full image name to produce instead of <BUILD_TAG>.<image>:<tag> (build.sh's --spec).",
        For = [nameof(BuildImage)])]
    string? ImageSpec => TryGetValue(() => ImageSpec);

    [Parameter("BuildImage: use docker's layer cache (build.sh's --cache; by default it builds with --no-cache).",
        For = [nameof(BuildImage)])]
    bool Cache => TryGetValue<bool?>(() => Cache) ?? false;

    [Parameter("BuildImage: an image to take cached layers from (build.sh's --cache-from).",
        For = [nameof(BuildImage)])]
    string? CacheFrom => TryGetValue(() => CacheFrom);

    [Parameter("ClearStaleImages: list the images kept and why.", For = [nameof(ClearStaleImages)])]
    bool Verbose => TryGetValue<bool?>(() => Verbose) ?? false;

    [Parameter("ClearStaleImages: remove without asking (the list is still shown; never read from the environment).",
        For = [nameof(ClearStaleImages)], CommandLineOnly = true)]
    bool Yes => TryGetValue<bool?>(() => Yes) ?? false;

    [Parameter("ClearStaleImages: more TVM checkouts whose images to keep.", For = [nameof(ClearStaleImages)])]
    string[] KeepImagesOf => TryGetValue(() => KeepImagesOf) ?? [];

    Target BuildImage => _ => _
        .Description("docker/build.sh: builds a CI image from docker/Dockerfile.<image>")
        .Needs(Requirements.ContainerEngine)
        .Requires(() => Image)
        .Executes(() =>
        {
            var type = Image!.ToLowerInvariant();
            var dockerfile = Dockerfile is null
                ? TvmRoot / "docker" / $"Dockerfile.{type}"
                : AbsolutePath.FromUser(Dockerfile);
            if (!dockerfile.FileExists())
            {
                var images = (TvmRoot / "docker").GlobFiles("Dockerfile.*").Select(f => f.Name["Dockerfile.".Length..]);
                throw new BuildFailure($"No Dockerfile for image '{type}': {dockerfile} does not exist.",
                    $"Images of this tree: {string.Join(", ", images)}.");
            }
            var buildTag = Environment.GetEnvironmentVariable("BUILD_TAG") is { Length: > 0 } tag ? tag : "tvm";
            var spec = ImageSpec
                ?? $"{$"{buildTag}.{type}".Replace('=', '_').Replace(',', '-').ToLowerInvariant()}:{ImageTag}";
            var arguments = new List<string> { "build", "-t", spec };
            if (!Cache && CacheFrom is null) arguments.Add("--no-cache");
            arguments.AddRange(["-f", dockerfile]);
            if (Net == "host") arguments.Add("--network=host");
            if (CacheFrom is not null)
                arguments.AddRange(["--cache-from", $"tvm.{type}:{ImageTag}", "--cache-from", CacheFrom]);
            arguments.Add(ContextPath ?? dockerfile.Parent);
            Runner.OnHost.Run(new Command(DockerExecutable, arguments), new RunOptions
            {
                FailureHint = "docker build needs a reachable engine; with podman: --docker-cli podman."
            });
            Log.Information("Built {Image}", spec);
        });

    Target ClearStaleImages => _ => _
        .Description("docker/clear-stale-images.sh: removes tlcpack images that this tree's CI files " +
                     "(and its worktrees') no longer name")
        .Needs(Requirements.ContainerEngine)
        .Executes(() =>
        {
            var used = ImagesToKeep([TvmRoot, .. KeepImagesOf.Select(AbsolutePath.FromUser)]);
            var list = new Command(DockerExecutable, "images", "--format", "{{.Repository}}:{{.Tag}}");
            var images = Runner.OnHost.Probe(list).Output
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var remove = new List<string>();
            foreach (var image in images.Where(i => i != "<none>:<none>"))
            {
                var why = !image.StartsWith("tlcpack") ? "non-tvm" : used.Contains(image) ? "image used" : null;
                if (why is null) remove.Add(image);
                else if (Verbose) Log.Information("skipping ({Why}): {Image}", why, image);
            }
            if (remove.Count == 0)
            {
                Log.Information("No stale tlcpack images.");
                return;
            }
            // Whatever happens next (--yes, a question, a refusal, --dry-run), the user sees what would go first.
            Console.Out.WriteLine($"Stale tlcpack images ({remove.Count}), named by none of the trees' CI files:");
            foreach (var image in remove) Console.Out.WriteLine($"  {image}");
            var command = new Command(DockerExecutable, ["rmi", .. remove]);
            if (!Yes && !Runner.DryRun)
            {
                if (Console.IsInputRedirected)
                    throw new BuildFailure($"Would remove {remove.Count} images: {string.Join(" ", remove)}.",
                        "Pass --yes to remove them, or --dry-run to only print the command.");
                Console.Out.Write($"will run: {command.ToShellString()}\nProceed? [y/N] ");
                if (Console.ReadLine()?.Trim() is not ("y" or "Y")) throw new BuildFailure("Aborted.");
            }
            Runner.OnHost.Run(command);
        });

    /// <summary>The images the trees (and their worktrees) name. A tree that names none would make every tlcpack image
    /// look stale: refused, before docker is asked anything.</summary>
    HashSet<string> ImagesToKeep(IEnumerable<AbsolutePath> trees)
    {
        var used = new HashSet<string>();
        foreach (var tree in trees)
        {
            var images = ReadImages(tree, out var source);
            if (images.Count == 0)
                throw new BuildFailure($"{tree} names no CI images ({source}): " +
                    "every tlcpack image would look stale, so nothing was removed.",
                    "Point --tvm-home (and --keep-images-of) at TVM checkouts: main names its images in " +
                    "ci/jenkins/docker-images.ini, v0.9.0 in its Jenkinsfile.");
            used.UnionWith(images.Values);
            foreach (var worktree in Worktrees(tree).Where(w => w != tree))
            {
                var named = ReadImages(worktree, out var where);
                if (named.Count == 0)
                    Log.Warning("Worktree {Worktree} names no CI images ({Source}); it keeps none", worktree, where);
                used.UnionWith(named.Values);
            }
        }
        return used;
    }

    private static IReadOnlyDictionary<string, string> ReadImages(AbsolutePath tree, out string source)
    {
        try
        {
            var images = DockerImages.Read(tree, out source);
            source = source.StartsWith('(') ? source.Trim('(', ')') : $"read {source}";
            return images;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            source = $"cannot read its image list: {e.Message}";
            return new Dictionary<string, string>();
        }
    }

    /// <summary>The tree and, when it is a git checkout, its linked worktrees, as clear-stale-images.sh consults
    /// them.</summary>
    IEnumerable<AbsolutePath> Worktrees(AbsolutePath tree)
    {
        if (!(tree / ".git").Exists() || ToolResolver.TryFind("git") is not { } git) return [tree];
        var list = Runner.OnHost.Probe(new Command(git, ["worktree", "list", "--porcelain"], tree), RunOptions.MayFail);
        return list.Output.Split('\n').Where(l => l.StartsWith("worktree "))
            .Select(l => AbsolutePath.Create(l["worktree ".Length..])).Append(tree).Distinct();
    }
}
