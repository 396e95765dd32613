using System.Text.RegularExpressions;
using Serilog;
using TvmBuild.Engine;

namespace TvmBuild.Lint;

/// <summary>Which steps a tree's own tests/scripts/task_lint.sh runs, in its order: read, never run. A script we know
/// is that step of <see cref="TaskLintSteps"/>; one we do not (v0.12.0's tests/lint/whitespace.sh) runs as the tree's
/// script on the whole tree. Two are not lint and are not run: the conversion of a gallery script to Python (it writes
/// a file and checks nothing) and the Jenkinsfile generator's check (GenerateCi replaces that generator). A tree
/// without the script (one <c>Adopt --retire</c> took it from) gets every step we know.</summary>
public static partial class TaskLintScript
{
    public const string File = "tests/scripts/task_lint.sh";

    /// <summary>The step each script we know is, by the script's path.</summary>
    public static readonly IReadOnlyDictionary<string, string> Known = new Dictionary<string, string>
    {
        ["tests/lint/check_file_type.py"] = "file-type",
        ["tests/lint/check_cmake_options.py"] = "cmake-options",
        ["tests/lint/git-black.sh"] = "black",
        ["tests/lint/flake8.sh"] = "flake8",
        ["tests/scripts/task_mypy.sh"] = "mypy",
        ["tests/lint/blocklint.sh"] = "blocklint",
        ["tests/lint/jnilint.sh"] = "jnilint",
        ["tests/lint/pylint.sh"] = "pylint",
        ["tests/lint/cppdocs.sh"] = "cppdocs",
        ["tests/lint/check_asf_header.sh"] = "asf-header",
        ["tests/lint/cpplint.sh"] = "cpplint",
        ["tests/lint/git-clang-format.sh"] = "clang-format",
        ["tests/lint/rust_format.sh"] = "rust-format",
        ["tests/lint/docker-format.sh"] = "docker-format",
    };

    private static readonly HashSet<string> NotLint =
        ["tests/scripts/task_convert_scripts_to_python.sh", "jenkins/generate.py", "ci/jenkins/generate.py"];

    /// <summary>One step the script runs: the script's path in the tree and its arguments.</summary>
    public sealed record Invocation(string Path, IReadOnlyList<string> Arguments)
    {
        /// <summary>The step's id for a script we do not know: its file name, '_' as '-'.</summary>
        public string Id => Known.GetValueOrDefault(Path)
            ?? System.IO.Path.GetFileNameWithoutExtension(Path).Replace('_', '-');
    }

    /// <summary>The steps of <paramref name="text"/>, in order, without the two that are not lint.</summary>
    public static List<Invocation> Read(string text)
    {
        var steps = new List<Invocation>();
        foreach (var raw in text.Split('\n'))
        {
            var words = raw.Trim().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();
            if (words.Count == 0 || words[0].StartsWith('#') || words[0] == "echo") continue;
            if (words[0] is "python3" or "python" or "bash") words.RemoveAt(0);
            if (words.Count == 0 || !ScriptPath().IsMatch(words[0])) continue;
            var path = words[0].StartsWith("./") ? words[0][2..] : words[0];
            if (NotLint.Contains(path)) Log.Debug("{File}: {Path} is not lint; not run", File, path);
            else if (steps.All(s => s.Path != path)) steps.Add(new Invocation(path, words[1..]));
        }
        return steps;
    }

    /// <summary>The tree's steps from <paramref name="known"/> and, for scripts not known, <paramref name="unknown"/>;
    /// all of <paramref name="known"/> when the tree has no task_lint.sh.</summary>
    public static List<Linter> Select(AbsolutePath tvm, List<Linter> known, Func<Invocation, Linter> unknown)
    {
        var file = tvm / File;
        if (!file.FileExists()) return known;
        var steps = Read(file.ReadAllText());
        if (steps.Count == 0)
            throw new BuildFailure($"{File} runs no lint step that tvm-build can read.",
                "It names its steps as tests/lint/<name>.sh lines; check the script, or run it: bash " + File);
        return [.. steps.Select(step => known.FirstOrDefault(l => l.Id == step.Id) ?? unknown(step))];
    }

    [GeneratedRegex(@"^(\./)?(tests|ci|jenkins)/[\w./-]+\.(sh|py)$")]
    private static partial Regex ScriptPath();
}
