using System.Text;
using System.Text.RegularExpressions;

namespace TvmBuild.Tests.Coverage;

/// <summary>Reads TVM's CI out of a TVM tree: every ci/jenkins/generated/*_jenkinsfile.groovy and
/// .github/workflows/*.yml. The Jenkinsfiles are what TVM's templates (ci/jenkins/templates/utils/macros.j2) make of
/// its stages, so the reading follows their shape: top-level code runs functions, functions open stage(...) blocks,
/// parallel branches ('name': {...}) and the steps of a build or test (docker_init, withEnv, sh of task_* scripts,
/// s3.py uploads and downloads of artifacts, with ci/jenkins/data.py's bundles).
/// Catch blocks are not followed: they only retry on the on-demand node after a SPOT node failed.</summary>
public static partial class TvmCiScan
{
    public static TvmCi Read(string tvm)
    {
        var commit = Support.Processes.Run("git", ["-C", tvm, "rev-parse", "--short=10", "HEAD"]);
        var pipelines = new List<TvmPipeline>();
        var jenkins = Path.Combine(tvm, "ci", "jenkins", "generated");
        foreach (var file in Directory.GetFiles(jenkins, "*_jenkinsfile.groovy").Order(StringComparer.Ordinal))
            pipelines.Add(Jenkinsfile(Path.GetFileName(file).Replace("_jenkinsfile.groovy", ""),
                Path.GetRelativePath(tvm, file), File.ReadAllText(file)));
        var workflows = Path.Combine(tvm, ".github", "workflows");
        foreach (var file in Directory.GetFiles(workflows, "*.yml").Order(StringComparer.Ordinal))
            pipelines.Add(TvmWorkflowScan.Read(Path.GetRelativePath(tvm, file), File.ReadAllText(file)));
        var source = commit.Code == 0 ? $"apache/tvm {commit.Output.Trim()}" : "apache/tvm";
        return new TvmCi(
            $"{source}: ci/jenkins/generated/*_jenkinsfile.groovy, ci/jenkins/data.py, .github/workflows/*.yml",
            pipelines, TvmStashScan.StashSets(tvm));
    }

    // ---- Jenkinsfiles ----

    private sealed record Function(string[] Parameters, string Body);

    private sealed class Reader(Dictionary<string, Function> functions, HashSet<string> dockerEnv)
    {
        public readonly List<string> Stages = [];
        private string? _stage;

        /// <summary>Follows code in order: stage and branch openings, nodes, images, withEnv values, calls.</summary>
        public void Run(string code, IReadOnlyDictionary<string, string> bindings, int depth = 0)
        {
            if (depth > 20) throw new InvalidOperationException("functions call each other too deeply");
            code = Bind(WithoutCatchBlocks(code), bindings);
            foreach (Match m in Token().Matches(code))
            {
                if (m.Groups["stage"].Success) OpenStage(m.Groups["stage"].Value);
                else if (m.Groups["branch"].Success) OpenStep(m.Groups["branch"].Value);
                else if (m.Groups["skipped"].Success) NameStep(m.Groups["skipped"].Value);
                else if (m.Groups["node"].Success) Current().Node ??= NodeLabel(m.Groups["node"].Value, bindings);
                else if (m.Groups["image"].Success) Current().Image ??= m.Groups["image"].Value;
                else if (m.Groups["withenv"].Success) WithEnv(m.Groups["withenv"].Value);
                else if (m.Groups["script"].Success) Call(m);
                else if (m.Groups["s3"].Success) Transfer(TvmStashScan.S3(m.Groups["s3"].Value));
                else if (m.Groups["awscp"].Success) Transfer(TvmStashScan.AwsCopy(m.Groups["awscp"].Value));
                else if (m.Groups["build"].Success)
                    Current().Calls.Add(new TvmCall("docker/build.sh", Text(Words(m.Groups["build"].Value))));
                else if (m.Groups["call"].Success && functions.TryGetValue(m.Groups["call"].Value, out var function))
                    Run(function.Body, Arguments(function, code, m.Index + m.Length), depth + 1);
            }
        }

        private sealed class Draft(string? name, string? stage)
        {
            public string? Name = name;
            public readonly string? Stage = stage;
            public string? Node;
            public string? Image;
            public readonly SortedDictionary<string, string> Environment = new(StringComparer.Ordinal);
            public readonly List<TvmCall> Calls = [];
            public readonly List<TvmStash> Uploads = [];
            public readonly List<TvmStash> Downloads = [];
        }

        private readonly List<Draft> _drafts = [];
        private Draft? _current;

        private Draft Current() => _current ??= Add(new Draft(null, _stage));

        private Draft Add(Draft draft)
        {
            _drafts.Add(draft);
            return draft;
        }

        private void OpenStage(string name)
        {
            Stages.Add(name);
            _stage = name;
            _current = null;
        }

        private void OpenStep(string name) => _current = Add(new Draft(name, _stage));

        private void NameStep(string name) => Current().Name ??= name;

        private void WithEnv(string list)
        {
            foreach (Match item in EnvItem().Matches(list))
            {
                var (key, value) = item.Groups[1].Success ? (item.Groups[1].Value, item.Groups[2].Value)
                    : (item.Groups[3].Value, item.Groups[4].Value);
                if (dockerEnv.Contains(key)) Current().Environment[key] = value;
            }
        }

        private void Transfer((bool Upload, TvmStash Stash) transfer)
        {
            var step = Current();
            if (transfer.Upload)
                step.Uploads.Add(transfer.Stash with { Build = TvmStashScan.BuildConfig(step.Calls) });
            else step.Downloads.Add(transfer.Stash);
        }

        private void Call(Match m)
        {
            // bash.sh's options before the image (--no-gpu, --env NAME); the image and python3 are not options.
            var words = Words(m.Groups["docker"].Value);
            var docker = new List<string>();
            for (var i = 0; i < words.Count; i++)
                if (words[i] == "--env" && i + 1 < words.Count) docker.AddRange([words[i], words[++i]]);
                else if (words[i].StartsWith("--")) docker.Add(words[i]);
            var arguments = Text(Words(m.Groups["args"].Value));
            Current().Calls.Add(new TvmCall(m.Groups["script"].Value, arguments, Text(docker)));
        }

        public List<TvmStep> Finish() => _drafts
            .Where(d => d.Calls.Count > 0 || d.Name is not null)
            .Select(d => new TvmStep(d.Name ?? d.Stage ?? "(top level)", d.Stage, d.Node, d.Image, d.Environment,
                d.Calls, d.Uploads.Count > 0 ? d.Uploads : null, d.Downloads.Count > 0 ? d.Downloads : null))
            .ToList();

        private static string NodeLabel(string value, IReadOnlyDictionary<string, string> bindings)
        {
            var label = value.StartsWith('\'') ? value.Trim('\'') : bindings.GetValueOrDefault(value, value);
            return label.EndsWith("-SPOT") ? label[..^"-SPOT".Length] : label;
        }
    }

    private static TvmPipeline Jenkinsfile(string name, string file, string text)
    {
        text = LineContinuation().Replace(CommentLine().Replace(text, ""), " ");
        var functions = new Dictionary<string, Function>();
        var topLevel = new StringBuilder();
        var position = 0;
        foreach (Match def in Definition().Matches(text))
        {
            if (def.Index < position) continue;
            var end = BlockEnd(text, def.Index + def.Length - 1);
            topLevel.Append(text, position, def.Index - position);
            var parameters = def.Groups[2].Value
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            functions[def.Groups[1].Value] = new Function(parameters, text[(def.Index + def.Length)..end]);
            position = end + 1;
        }
        topLevel.Append(text, position, text.Length - position);
        var dockerRun = DockerRun().Match(text);
        var dockerEnv = dockerRun.Success
            ? EnvOption().Matches(dockerRun.Groups[1].Value).Select(m => m.Groups[1].Value).ToHashSet() : [];
        var reader = new Reader(functions, dockerEnv);
        reader.Run(topLevel.ToString(), new Dictionary<string, string>());
        var steps = reader.Finish();
        var called = steps.SelectMany(s => s.Calls).Select(c => c.Script).ToHashSet();
        var unreached = ScriptName().Matches(text).Select(m => m.Value).Distinct()
            .Where(s => !called.Contains(s)).Order().ToList();
        return new TvmPipeline(name, file, reader.Stages, steps, unreached.Count == 0 ? null : unreached);
    }

    /// <summary>The arguments of a call at <paramref name="open"/> (just after its '('), bound to the
    /// parameters.</summary>
    private static Dictionary<string, string> Arguments(Function function, string code, int open)
    {
        var close = open;
        for (var depth = 1; close < code.Length && depth > 0; close++)
            depth += code[close] switch { '(' => 1, ')' => -1, _ => 0 };
        var values = SplitArguments(code[open..(close - 1)]);
        var bindings = new Dictionary<string, string>();
        for (var i = 0; i < function.Parameters.Length && i < values.Count; i++)
            bindings[function.Parameters[i]] = values[i];
        return bindings;
    }

    private static List<string> SplitArguments(string text) => text.Length == 0 ? [] : ArgumentItem().Matches(text)
        .Select(m => m.Value.Trim()).Select(v => v.Length > 1 && v[0] is '\'' or '"' ? v[1..^1] : v).ToList();

    /// <summary>${name} and bare parameter names in node(...)/docker_init(...) replaced by the call's
    /// arguments.</summary>
    private static string Bind(string code, IReadOnlyDictionary<string, string> bindings) =>
        bindings.Count == 0 ? code : Interpolation().Replace(code, m =>
            bindings.TryGetValue(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value, out var value)
                ? value : m.Value);

    private static string WithoutCatchBlocks(string code)
    {
        var text = new StringBuilder();
        var position = 0;
        foreach (Match m in Catch().Matches(code))
        {
            if (m.Index < position) continue;
            var end = BlockEnd(code, m.Index + m.Length - 1);
            text.Append(code, position, m.Index - position);
            position = end + 1;
        }
        return text.Append(code, position, code.Length - position).ToString();
    }

    /// <summary>The index of the '}' closing the '{' at <paramref name="open"/>; strings and comments
    /// skipped.</summary>
    private static int BlockEnd(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                i = text.IndexOf('\n', i);
                if (i < 0) break;
                continue;
            }
            if (c is '\'' or '"')
            {
                var triple = new string(c, 3);
                var quote = text.Substring(i, Math.Min(3, text.Length - i)) == triple ? triple : c.ToString();
                for (i += quote.Length; i < text.Length && string.CompareOrdinal(text, i, quote, 0, quote.Length) != 0;
                     i++)
                    if (text[i] == '\\') i++;
                i += quote.Length - 1;
                continue;
            }
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return i;
        }
        throw new InvalidDataException($"unbalanced block at offset {open}");
    }

    private static string? Text(List<string> words) => words.Count == 0 ? null : string.Join(' ', words);

    private static List<string> Words(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    [GeneratedRegex(@"\\\n\s*")]
    private static partial Regex LineContinuation();

    [GeneratedRegex(@"(?m)^[ \t]*//.*$")]
    private static partial Regex CommentLine();

    [GeneratedRegex(@"task_\w+\.(?:sh|py)")]
    private static partial Regex ScriptName();

    [GeneratedRegex(@"(?m)^def (\w+)\(([^)]*)\) \{")]
    private static partial Regex Definition();

    [GeneratedRegex(@"catch\s*\([^)]*\)\s*\{")]
    private static partial Regex Catch();

    [GeneratedRegex(@"^docker_run = '([^']*)'", RegexOptions.Multiline)]
    private static partial Regex DockerRun();

    [GeneratedRegex(@"--env (\w+)")]
    private static partial Regex EnvOption();

    [GeneratedRegex(@"'([A-Z][A-Z0-9_]*)=([^']*)'|""([A-Z][A-Z0-9_]*)=([^""]*)""")]
    private static partial Regex EnvItem();

    [GeneratedRegex(@"'[^']*'|""[^""]*""|[^,]+")]
    private static partial Regex ArgumentItem();

    [GeneratedRegex(@"\$\{(\w+)\}|(?<=(?:node|docker_init)\()(\w+)(?=\))")]
    private static partial Regex Interpolation();

    [GeneratedRegex("""
        stage\('(?<stage>[^']+)'\)
        | (?m:^\s*)'(?<branch>[^']+)':\s*\{
        | markStageSkippedForConditional\('(?<skipped>[^']+)'\)
        | \bnode\((?<node>'[^']+'|[\w.-]+)\)
        | \bdocker_init\((?<image>\w+)\)
        | \bwithEnv\(\[(?<withenv>[^\]]*)\]
        | (?<docker>\$\{docker_run\}[^"\n]*?|python3\s)?\s*
          \./tests/scripts/(?<script>task_\w+\.(?:sh|py))(?<args>[^"'\n]*)
        | \$\{docker_build\}\s+(?<build>[^"\n]*)
        | \bs3\.py\s+(?<s3>[^"\n]*)
        | \baws\s+s3\s+cp\s+(?<awscp>[^"\n]*)
        | (?<![\w.])(?<call>[A-Za-z_]\w*)\(
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Token();
}
