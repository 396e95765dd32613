using System.Text;
using System.Text.RegularExpressions;

namespace TvmBuild.Ci;

/// <summary>What a catalog value may look like. Task names, agents, images and globs end up as YAML keys, in shell
/// commands and in Groovy strings of the generated files, so each must match a pattern that cannot break out of any
/// of them; the generators quote what they write as well.</summary>
public sealed partial record CatalogValue(string What, Regex Pattern, string Allowed)
{
    // A GitHub job id starts with a letter; Jenkins stash names and workspace folders are task names too.
    public static readonly CatalogValue TaskName = new("task name", TaskNamePattern(),
        "a task name is lower-case letters, digits and '-', starting with a letter");

    public static readonly CatalogValue Agent = new("agent", LabelPattern(),
        "an agent is letters, digits, '_', '.' and '-' (a Jenkins node label such as CPU-SMALL)");

    public static readonly CatalogValue Runner = new("github_runner", LabelPattern(),
        "a runner label is letters, digits, '_', '.' and '-' (such as ubuntu-22.04)");

    public static readonly CatalogValue TaskRunner = new("runner", LabelPattern(),
        "a runner label is letters, digits, '_', '.' and '-' (such as windows-latest)");

    public static readonly CatalogValue Image = new("image", ImagePattern(),
        "an image is 'host' or lower-case letters, digits and '_', starting with a letter "
        + "(an image shortcut such as ci_cpu)");

    // TVM's names of stages, pipelines and calls ("unittest: CPU", "task_build.py --cmake-target cpptest"): Groovy
    // strings and markdown table cells in the generated files, so no quotes, backquotes, '|' or line breaks.
    public static readonly CatalogValue TvmName = new("name", TvmNamePattern(),
        "a name is letters, digits, spaces and _ . : / ( ) - (such as \"unittest: CPU\")");

    public static readonly CatalogValue Pipeline = new("pipeline", PipelinePattern(),
        "a pipeline is lower-case letters, digits, '_' and '.' (cpu, gpu, arm, wasm, docker, lint.yml, main.yml)");

    public static readonly CatalogValue LocalAction = new("action", LocalActionPattern(),
        "an action is a path in the checked-out tree, ./ then letters, digits, '_', '.', '-' and '/', without '..'");

    public static readonly CatalogValue Variable = new("variable name", VariablePattern(),
        "a variable name is upper-case letters, digits and '_', starting with a letter or '_'");

    public static readonly CatalogValue Repository = new("repository", RepositoryPattern(),
        "a repository is owner/name of letters, digits, '_', '.' and '-'");

    // Parameter values, environment values and commands reach the build as single arguments, never through a shell.
    public static readonly CatalogValue Text = new("value", TextPattern(), "a value is one line of text");

    // A shared result cache's address: the generated CI sets TVM_BUILD_RESULT_CACHE to it.
    public static readonly CatalogValue ResultStore = new("result_cache", ResultStorePattern(),
        "a result cache is s3://bucket/prefix or redis://host:port (letters, digits, '.', '-', '_' and '/')");

    // Jenkins' stash splits includes on ',', upload-artifact reads '!' as an exclusion: both are left out.
    public static readonly CatalogValue ProducesGlob = new("produces glob", GlobPattern(), GlobAllowed);
    public static readonly CatalogValue JunitGlob = new("junit glob", GlobPattern(), GlobAllowed);

    private const string GlobAllowed =
        "a glob is a relative path of letters, digits, '_', '.', '-', '/', '*' and '?', without '..'";

    /// <summary>Why the value is refused, or null when it fits.</summary>
    public string? Problem(string value) =>
        Pattern.IsMatch(value) ? null : $"{What} {Show(value)} is not allowed: {Allowed}";

    /// <summary>A value in an error message: double-quoted, line breaks and other control characters escaped.</summary>
    public static string Show(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
            text.Append(c switch
            {
                '"' or '\\' => $"\\{c}",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        return text.Append('"').ToString();
    }

    // \z, not $: .NET's $ also matches before a final line break.
    [GeneratedRegex(@"\A[a-z][a-z0-9-]*\z")]
    private static partial Regex TaskNamePattern();

    [GeneratedRegex(@"\A(s3://[a-z0-9][a-z0-9.-]*(/[A-Za-z0-9_.-]+)*/?|redis://[A-Za-z0-9.-]+:[0-9]{1,5})\z")]
    private static partial Regex ResultStorePattern();

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9_.-]*\z")]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"\A[a-z][a-z0-9_]*\z")]
    private static partial Regex ImagePattern();

    [GeneratedRegex(@"\A[A-Za-z0-9_][A-Za-z0-9 _.:/()-]*\z")] // _docs: a folder of TVM's CI
    private static partial Regex TvmNamePattern();

    [GeneratedRegex(@"\A[a-z][a-z0-9_.]*\z")]
    private static partial Regex PipelinePattern();

    [GeneratedRegex(@"\A\./(?!(?:.*/)?\.\.(?:/|\z))[A-Za-z0-9_.-][A-Za-z0-9_./-]*\z")]
    private static partial Regex LocalActionPattern();

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9_.-]+\z")]
    private static partial Regex RepositoryPattern();

    [GeneratedRegex(@"\A[A-Z_][A-Z0-9_]*\z")]
    private static partial Regex VariablePattern();

    [GeneratedRegex(@"\A[^\p{C}]*\z")]
    private static partial Regex TextPattern();

    [GeneratedRegex(@"\A(?!(?:.*/)?\.\.(?:/|\z))[A-Za-z0-9_.*?][A-Za-z0-9_.*?/-]*\z")]
    private static partial Regex GlobPattern();
}
