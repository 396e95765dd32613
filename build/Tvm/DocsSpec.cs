namespace TvmBuild.Tvm;

/// <summary>How a layout's docs script (tests/scripts/task_python_docs.sh) checks a Sphinx log. IgnoredWarnings: its
/// IGNORED_WARNINGS array as bash reads it, in order; each entry is an extended regular expression, and a log line
/// that any of them matches is not counted (the script's <c>grep -v -E</c> of them joined with '|'), before every
/// line with "WARN" left fails the check.</summary>
public sealed class DocsSpec
{
    public string Script { get; set; } = "";
    public List<string> IgnoredWarnings { get; set; } = [];
}
