using System.Text.RegularExpressions;
using TvmBuild.Engine;

namespace TvmBuild.Ci;

/// <summary>.github/workflows/ci.yml from the catalog's GitHub tasks: a job per task (a matrix for shards) on its
/// runner, <c>needs:</c> from the artifact edges, <c>container:</c> the task's image, read-only permissions, actions
/// pinned by commit, superseded runs cancelled, per-job timeouts; every job's work is one <c>./build.sh CiTask --name
/// X</c> (<c>build.cmd</c> on Windows). A <c>prepare</c> job says which kinds of change the push has and which images
/// the tree names, when a job needs either.</summary>
public static partial class GitHubWorkflow
{
    private static readonly WorkflowStep Checkout =
        Action("actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683", "v4.2.2");
    private static readonly WorkflowStep Upload =
        Action("actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02", "v4");
    private static readonly WorkflowStep Download =
        Action("actions/download-artifact@d3f86a106a0bac45b974a628896c90dbdf5c8093", "v4.3.0");
    private static readonly WorkflowStep SetupDotnet =
        Action("actions/setup-dotnet@67a3573c9a986a3f9c594539f4ab511d57bb3ce9", "v4.3.1")
            with
        { With = [("dotnet-version", "10.0.x")] };

    public static string Generate(CiCatalog catalog, string header)
    {
        var tasks = catalog.Tasks.Where(t => t.OnGitHub).ToList();
        var jobs = new List<WorkflowJob>();
        var prepared = tasks.Where(NeedsPrepare).ToList();
        if (prepared.Count > 0) jobs.Add(Prepare(catalog, needsImages: prepared.Any(t => t.Image != CiCatalog.Host)));
        jobs.AddRange(tasks.Select(t => TaskJob(catalog, t, NeedsPrepare(t))));
        // TVM's group: one per pull request or commit, so a push to main never cancels another.
        var workflow = new Workflow("ci", ["main"], "ci-${{ github.event.pull_request.number || github.sha }}",
            [("TVM_HOME", YScalar.Plain(".") with { Comment = "the checkout; relative, so it holds in a container" })],
            YScalar.Plain("bash") with
            {
                Comment = "bash --noprofile --norc -eo pipefail {0}: any failing command fails the step",
            },
            jobs);
        return YamlText.Write(header.Split('\n').Select(l => l.TrimEnd()), workflow.ToYaml());
    }

    private static bool NeedsPrepare(CiTaskSpec task) =>
        task.Image != CiCatalog.Host || task.On.Count < CiCatalog.ChangeKinds.Length;

    /// <summary>What changed (code, docs, docker) and the CI images the TVM tree names, for the jobs below. Bare
    /// assignments: under -e one fails the step when ./build.sh fails; echo "k=$(...)" would succeed, skip every job
    /// and leave the required checks green.</summary>
    private static WorkflowJob Prepare(CiCatalog catalog, bool needsImages)
    {
        var script = "kinds=$(./build.sh CiTask --changes --verbosity quiet)\n" +
                     (needsImages ? "images=$(./build.sh CiTask --images --verbosity quiet)\n" : "") +
                     "echo \"kinds=$kinds\" >> \"$GITHUB_OUTPUT\"\n" +
                     (needsImages ? "echo \"images=$images\" >> \"$GITHUB_OUTPUT\"\n" : "");
        List<(string, YScalar)> outputs = [("kinds", YScalar.Plain("${{ steps.prepare.outputs.kinds }}"))];
        if (needsImages) outputs.Add(("images", YScalar.Plain("${{ steps.prepare.outputs.images }}")));
        return new WorkflowJob("prepare", [Checkout with { With = [("fetch-depth", "0")] }, SetupDotnet,
            new WorkflowStep { Id = "prepare", Run = YScalar.Literal(script) }])
        {
            RunsOn = Value(catalog.GithubRunner), TimeoutMinutes = 10, Outputs = outputs,
        };
    }

    private static WorkflowJob TaskJob(CiCatalog catalog, CiTaskSpec task, bool prepared)
    {
        var name = Catalog(task.Name);
        var windows = (task.Runner ?? "").StartsWith("windows", StringComparison.OrdinalIgnoreCase);
        var shard = task.Shards > 1 ? $" --shard ${{{{ matrix.shard }}}}/{task.Shards}" : "";
        var command = $"{(windows ? "build.cmd" : "./build.sh")} CiTask --name {Command.Quote(name)}{shard}";
        var steps = new List<WorkflowStep> { Checkout with { With = [("submodules", "recursive")] }, SetupDotnet };
        steps.AddRange(task.Uses.Select(u => new WorkflowStep { Uses = Catalog(u) }));
        steps.AddRange(task.Needs.Select(n => Download with { With = [("name", Value(n))] }));
        // TVM's setup action activates a conda environment in login shells (bash -l, as main.yml's steps run);
        // on Windows the one command runs in cmd, as TVM's Windows job does.
        var shell = windows ? "cmd /C call {0}" : task.Uses.Count > 0 ? "bash -leo pipefail {0}" : null;
        steps.Add(new WorkflowStep
        {
            Run = YScalar.Quoted(command), Shell = shell is null ? null : YScalar.Plain(shell),
        });
        steps.Add(Upload with
        {
            If = "always()",
            With = [("name", YScalar.Quoted($"junit-{name}{(task.Shards > 1 ? "-${{ matrix.shard }}" : "")}")),
                    ("path", Value(catalog.JunitPattern)), ("if-no-files-found", "ignore")],
        });
        if (task.Produces.Count > 0 && task.Shards == 1)
            steps.Add(Upload with
            {
                // A literal block: one glob a line, nothing in it is YAML.
                With =
                [
                    ("name", Value(task.Name)),
                    ("path", YScalar.Literal(string.Concat(task.Produces.Select(p => BlockLine(Catalog(p)) + "\n")))),
                    ("if-no-files-found", "error"),
                ],
            });
        var kinds = string.Join(" || ", task.On.Select(k => $"contains(needs.prepare.outputs.kinds, {Literal(k)})"));
        var repository = task.Repository is null ? null : $"github.repository == {Literal(task.Repository)}";
        var condition = (prepared, repository) switch
        {
            (true, null) => kinds,
            (true, _) => $"{repository} && ({kinds})",
            (false, _) => repository,
        };
        return new WorkflowJob(JobId(task.Name), steps)
        {
            DisplayName = task.Aliases.Count > 0 ? YScalar.Quoted(task.Aliases[0]) : null,
            Needs = [.. prepared ? ["prepare"] : Array.Empty<string>(), .. task.Needs.Select(JobId)],
            If = condition is null ? null : YScalar.Quoted(condition),
            RunsOn = Value(task.Runner ?? catalog.GithubRunner),
            TimeoutMinutes = task.Timeout,
            Container = task.Image == CiCatalog.Host ? null
                : YScalar.Quoted($"${{{{ fromJSON(needs.prepare.outputs.images)[{Literal(Catalog(task.Image))}] }}}}"),
            // The job is the container: CiTask runs the commands directly.
            Environment = task.Image == CiCatalog.Host ? [] : [("TVM_BUILD_NATIVE", YScalar.Quoted("true"))],
            Shards = task.Shards > 1 ? Enumerable.Range(1, task.Shards).ToList() : [],
        };
    }

    private static WorkflowStep Action(string uses, string version) => new() { Uses = uses, Version = version };

    // Catalog values are checked by the loader (CatalogValue); these functions make sure that, whatever a value
    // holds, it stays one YAML scalar and one value to GitHub.

    /// <summary>A catalog value as a double-quoted YAML scalar.</summary>
    private static YScalar Value(string value) => YScalar.Quoted(Catalog(value));

    /// <summary>GitHub evaluates <c>${{ }}</c> in any workflow string: none may come from the catalog.</summary>
    private static string Catalog(string value) => value.Contains("${{") || value.Contains("}}")
        ? throw new InvalidOperationException($"catalog value {CatalogValue.Show(value)} holds a GitHub expression")
        : value;

    /// <summary>A string literal of a GitHub expression (single quotes, doubled inside).</summary>
    private static string Literal(string value) => $"'{value.Replace("'", "''")}'";

    /// <summary>A job id as GitHub allows it; also a YAML key, so nothing else may pass.</summary>
    private static string JobId(string name) => JobIdPattern().IsMatch(name) ? name
        : throw new InvalidOperationException($"{CatalogValue.Show(name)} is not a GitHub job id");

    /// <summary>A line of a literal block: one line, not starting with a space (that changes the indent).</summary>
    private static string BlockLine(string text) =>
        text.Length > 0 && text.IndexOfAny(['\n', '\r']) < 0 && !char.IsWhiteSpace(text[0]) ? text
            : throw new InvalidOperationException($"{CatalogValue.Show(text)} cannot be a line of a YAML block");

    [GeneratedRegex(@"\A[A-Za-z_][A-Za-z0-9_-]*\z")]
    private static partial Regex JobIdPattern();
}
