using System.Text.Json;
using System.Text.RegularExpressions;

namespace TvmBuild.Tests.Coverage;

/// <summary>How TVM's Jenkinsfiles move artifacts between stages: ci/jenkins/data.py's files_to_stash (bundle name →
/// files), and the s3.py and <c>aws s3 cp</c> calls of a stage, read as TvmStash records.</summary>
public static partial class TvmStashScan
{
    /// <summary>data.py's files_to_stash in its order, read with Python's ast (literal_eval: nothing of the file is
    /// run); null when the tree has no data.py.</summary>
    public static Dictionary<string, List<string>>? StashSets(string tvm)
    {
        var file = Path.Combine(tvm, "ci", "jenkins", "data.py");
        if (!File.Exists(file)) return null;
        const string read = """
            import ast, json, sys
            module = ast.parse(open(sys.argv[1]).read())
            values = [n.value for n in module.body if isinstance(n, ast.Assign)
                      and any(isinstance(t, ast.Name) and t.id == "files_to_stash" for t in n.targets)]
            if not values:
                sys.exit(sys.argv[1] + " assigns no files_to_stash")
            print(json.dumps(ast.literal_eval(values[0])))
            """;
        var (code, output) = Support.Processes.Run("python3", ["-c", read, file]);
        if (code != 0) throw new InvalidDataException($"reading {file}: {output}");
        return JsonSerializer.Deserialize<Dictionary<string, List<string>>>(output)
            ?? throw new InvalidDataException($"{file}: files_to_stash is empty");
    }

    /// <summary>The arguments of <c>s3.py</c>: --action upload|download, --prefix ${s3_prefix}/NAME, --bundle NAME
    /// (repeated) or --items PATH....</summary>
    public static (bool Upload, TvmStash Stash) S3(string arguments)
    {
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string? action = null, prefix = null;
        var bundles = new List<string>();
        var items = new List<string>();
        for (var i = 0; i < words.Length; i++)
        {
            switch (words[i])
            {
                case "--action" when i + 1 < words.Length: action = words[++i]; break;
                case "--prefix" when i + 1 < words.Length: prefix = Prefix(words[++i]); break;
                case "--bundle" when i + 1 < words.Length: bundles.Add(words[++i]); break;
                case "--items":
                    while (i + 1 < words.Length && !words[i + 1].StartsWith("--")) items.Add(words[++i]);
                    break;
            }
        }
        if (action is not ("upload" or "download") || prefix is null)
            throw new InvalidDataException($"an s3.py call without --action upload|download and --prefix: {arguments}");
        return (action == "upload", new TvmStash(prefix, bundles.Count > 0 ? bundles : null,
            items.Count > 0 ? items : null));
    }

    /// <summary>The arguments of <c>aws s3 cp</c>: [options] SOURCE DESTINATION, one of them s3://.../NAME.</summary>
    public static (bool Upload, TvmStash Stash) AwsCopy(string arguments)
    {
        var paths = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !w.StartsWith("--"))
            .ToList();
        if (paths.Count != 2 || paths.Count(p => p.StartsWith("s3://")) != 1)
            throw new InvalidDataException($"an aws s3 cp call without one local and one s3:// path: {arguments}");
        var upload = paths[1].StartsWith("s3://");
        var (local, remote) = upload ? (paths[0], paths[1]) : (paths[1], paths[0]);
        return (upload, new TvmStash(Prefix(remote), Items: [local]));
    }

    /// <summary>The config whose script last wrote the stage's build/ (task_config_build_gpu.sh: gpu), or
    /// null.</summary>
    public static string? BuildConfig(IEnumerable<TvmCall> calls) =>
        calls.Select(c => ConfigScript().Match(c.Script)).LastOrDefault(m => m.Success)?.Groups[1].Value;

    /// <summary>${s3_prefix}/gpu → gpu: the part under the build's own S3 path.</summary>
    private static string Prefix(string path) =>
        path.LastIndexOf("${s3_prefix}/", StringComparison.Ordinal) is var at and >= 0
            ? path[(at + "${s3_prefix}/".Length)..] : path;

    [GeneratedRegex(@"^task_config_build_(\w+)\.sh$")]
    private static partial Regex ConfigScript();
}
