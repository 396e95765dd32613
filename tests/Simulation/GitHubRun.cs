using System.Text.RegularExpressions;
using TvmBuild.Tests.Safety;
using TvmBuild.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace TvmBuild.Tests.Simulation;

/// <summary>Runs a workflow's jobs as GitHub runs them for a pull request: in needs order, each job on a fresh runner
/// folder with only its own steps; actions/checkout clones the repository (with submodules), setup-dotnet finds the
/// .NET here, upload/download-artifact copy files between jobs, a run step runs in its shell with GitHub's
/// variables and its GITHUB_OUTPUT. A job's <c>if:</c> is evaluated; what the simulation cannot do (a local action
/// such as TVM's conda setup, a cmd shell, an expression it does not know) fails the job, never passes it.</summary>
public sealed partial record GitHubRun(IReadOnlyDictionary<string, GitHubJob> Jobs)
{
    public static GitHubRun Start(string workflowFile, string repository, string repositoryName,
        IReadOnlyDictionary<string, string?> environment)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(workflowFile)));
        var workflow = (YamlMappingNode)stream.Documents[0].RootNode;
        var root = BuildScript.TempDirectory("github-");
        var jobs = new Dictionary<string, GitHubJob>();
        var pending = ((YamlMappingNode)workflow["jobs"]).Children
            .Select(p => (Id: p.Key.ToString(), Job: (YamlMappingNode)p.Value)).ToList();
        while (pending.Count > 0)
        {
            var ready = pending.First(p => Needs(p.Job).All(jobs.ContainsKey));
            pending.Remove(ready);
            var context = new Context(repositoryName, jobs);
            var needsMet = Needs(ready.Job).All(n => jobs[n].Result == "success");
            var condition = Scalar(ready.Job, "if");
            var runs = condition is null ? needsMet : Evaluate(condition, context, needsMet);
            jobs[ready.Id] = runs
                ? RunJob(ready.Job, Path.Combine(root, ready.Id), repository, root, Shell(workflow),
                    Variables(workflow, ready.Job, environment))
                : new GitHubJob("skipped", "", new Dictionary<string, string>());
        }
        return new GitHubRun(jobs);
    }

    private static GitHubJob RunJob(YamlMappingNode job, string folder, string repository, string root,
        string? defaultShell, Dictionary<string, string?> variables)
    {
        Directory.CreateDirectory(folder);
        var log = new System.Text.StringBuilder();
        var outputs = new Dictionary<string, Dictionary<string, string>>();
        var failed = false;
        foreach (var (step, index) in ((YamlSequenceNode)job["steps"]).Cast<YamlMappingNode>().Select((s, i) => (s, i)))
        {
            if (failed && Scalar(step, "if") != "always()") continue;
            var output = Path.Combine(root, $"output-{Guid.NewGuid():N}");
            File.WriteAllText(output, "");
            var env = new Dictionary<string, string?>(variables) { ["GITHUB_OUTPUT"] = output };
            var (ok, text) = Scalar(step, "uses") is { } uses
                ? Action(uses, step, folder, repository, root)
                : RunStep(Scalar(step, "run")!, Scalar(step, "shell") ?? Shell(job) ?? defaultShell, folder, env);
            log.AppendLine($"== step {index + 1}: {Scalar(step, "uses") ?? Scalar(step, "run")} -> {(ok ? 0 : 1)}")
                .AppendLine(text);
            if (Scalar(step, "id") is { } id) outputs[id] = ReadOutputs(output);
            failed |= !ok;
        }
        var jobOutputs = Child(job, "outputs") is YamlMappingNode map
            ? map.Children.ToDictionary(p => p.Key.ToString(), p => StepOutput(p.Value.ToString(), outputs)) : [];
        return new GitHubJob(failed ? "failure" : "success", log.ToString(), jobOutputs);
    }

    private static (bool, string) Action(string uses, YamlMappingNode step, string folder, string repository,
        string root)
    {
        var with = Child(step, "with") as YamlMappingNode;
        string? With(string key) => with is null ? null : Scalar(with, key);
        var name = uses.Split('@')[0];
        switch (name)
        {
            case "actions/checkout":
                var clone = Processes.Run("git", ["clone", "-q", repository, "."], folder);
                if (clone.Code != 0 || With("submodules") is null) return (clone.Code == 0, clone.Output);
                var submodules = Processes.Run("git", ["submodule", "update", "--init", "--recursive"], folder);
                return (submodules.Code == 0, submodules.Output);
            case "actions/setup-dotnet":
                return (true, "the .NET SDK of this machine");
            case "actions/upload-artifact":
                var files = (With("path") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .SelectMany(glob => Glob(folder, glob.Trim())).Distinct().ToList();
                if (files.Count == 0 && With("if-no-files-found") == "error")
                    return (false, $"No files were found with the provided path: {With("path")}");
                var target = Path.Combine(root, "artifacts", With("name")!);
                foreach (var file in files) Copy(Path.Combine(folder, file), Path.Combine(target, file));
                return (true, string.Join("\n", files));
            case "actions/download-artifact":
                var source = Path.Combine(root, "artifacts", With("name")!);
                if (!Directory.Exists(source)) return (false, $"Artifact not found: {With("name")}");
                foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
                    Copy(file, Path.Combine(folder, Path.GetRelativePath(source, file)));
                return (true, "");
            default:
                return (false, $"the simulation cannot run the action {uses}");
        }
    }

    private static (bool, string) RunStep(string script, string? shell, string folder,
        Dictionary<string, string?> environment)
    {
        // `shell: bash` is bash --noprofile --norc -eo pipefail {0}; a shell given in full is taken as written.
        var template = shell is null or "bash" ? "bash --noprofile --norc -eo pipefail {0}" : shell;
        if (!template.StartsWith("bash ")) return (false, $"the simulation cannot run shell '{template}'");
        var file = Path.Combine(Path.GetTempPath(), $"step-{Guid.NewGuid():N}.sh");
        File.WriteAllText(file, Workflow.Substitute(script));
        var words = template.Split(' ').Select(w => w == "{0}" ? file : w).ToList();
        var (code, output) = Processes.Run(words[0], words.Skip(1), folder, environment);
        return (code == 0, output);
    }

    private static Dictionary<string, string?> Variables(YamlMappingNode workflow, YamlMappingNode job,
        IReadOnlyDictionary<string, string?> environment)
    {
        var variables = new Dictionary<string, string?>(environment);
        foreach (var source in new[] { workflow, job })
            if (Child(source, "env") is YamlMappingNode env)
                foreach (var (key, value) in env.Children) variables[key.ToString()] = value.ToString();
        return variables;
    }

    private sealed record Context(string Repository, IReadOnlyDictionary<string, GitHubJob> Jobs);

    /// <summary>The forms of expression the generated workflow uses: github.repository == '...',
    /// contains(needs.JOB.outputs.NAME, '...'), always(), joined by &amp;&amp;, || and parentheses.</summary>
    private static bool Evaluate(string condition, Context context, bool needsMet)
    {
        var text = Regex.Replace(condition.Trim(), @"^\$\{\{\s*(.*?)\s*\}\}$", "$1");
        if (text == "always()") return true;
        text = RepositoryTest().Replace(text, m => m.Groups[1].Value == context.Repository ? "T" : "F");
        text = ContainsTest().Replace(text, m =>
            context.Jobs[m.Groups[1].Value].Outputs.GetValueOrDefault(m.Groups[2].Value, "")
                .Contains(m.Groups[3].Value) ? "T" : "F");
        while (Regex.IsMatch(text, @"\([^()]*\)"))
            text = Regex.Replace(text, @"\(([^()]*)\)", m => Flat(m.Groups[1].Value));
        return needsMet && Flat(text) == "T";
    }

    private static string Flat(string text)
    {
        if (!Regex.IsMatch(text, @"^[TF&| ]*$")) throw new InvalidOperationException($"unknown expression: {text}");
        return text.Split("||").Any(part => part.Split("&&").All(a => a.Trim() == "T")) ? "T" : "F";
    }

    [GeneratedRegex(@"github\.repository == '([^']*)'")]
    private static partial Regex RepositoryTest();

    [GeneratedRegex(@"contains\(needs\.([\w-]+)\.outputs\.(\w+), '([^']*)'\)")]
    private static partial Regex ContainsTest();

    private static string StepOutput(string expression, Dictionary<string, Dictionary<string, string>> steps)
    {
        var m = Regex.Match(expression, @"^\$\{\{ steps\.([\w-]+)\.outputs\.(\w+) \}\}$");
        if (!m.Success) throw new InvalidOperationException($"unknown job output: {expression}");
        return steps.GetValueOrDefault(m.Groups[1].Value)?.GetValueOrDefault(m.Groups[2].Value) ?? "";
    }

    private static Dictionary<string, string> ReadOutputs(string file) => File.ReadAllLines(file)
        .Where(l => l.Contains('=')).ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..]);

    /// <summary>upload-artifact's globs: ** any folders, * and ? within a name.</summary>
    private static List<string> Glob(string folder, string glob)
    {
        var pattern = "^" + Regex.Escape(glob).Replace(@"\*\*", "\u0001").Replace(@"\*", "[^/]*")
            .Replace(@"\?", "[^/]").Replace("\u0001", ".*") + "$";
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f)).Where(f => !f.StartsWith(".git/"))
            .Where(f => Regex.IsMatch(f, pattern)).Order().ToList();
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to, overwrite: true);
    }

    private static string[] Needs(YamlMappingNode job) => Child(job, "needs") switch
    {
        YamlSequenceNode list => list.Select(n => n.ToString()).ToArray(),
        YamlScalarNode one => [one.Value!],
        _ => [],
    };

    private static string? Shell(YamlMappingNode node) => Workflow.Shell(node);

    private static YamlNode? Child(YamlMappingNode node, string key) => Workflow.Child(node, key);

    private static string? Scalar(YamlMappingNode node, string key) => Workflow.Scalar(node, key);
}

/// <summary>A job's result (success, failure, skipped), its log and its outputs.</summary>
public sealed record GitHubJob(string Result, string Log, IReadOnlyDictionary<string, string> Outputs);
