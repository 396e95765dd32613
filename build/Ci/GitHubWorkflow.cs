using System.Text;
using System.Text.RegularExpressions;
using TvmBuild.Engine;

namespace TvmBuild.Ci;

/// <summary>.github/workflows/ci.yml: a job per task (a matrix for shards), <c>needs:</c> from the artifact edges,
/// <c>container:</c> the task's image, read-only permissions, actions pinned by commit, superseded runs cancelled,
/// per-job timeouts, artifacts uploaded and downloaded along the edges; every job's work is <c>./build.sh CiTask --name X</c>.</summary>
public static partial class GitHubWorkflow
{
    // actions/checkout v4.2.2, upload-artifact v4, download-artifact v4.3.0, setup-dotnet v4.3.1
    private const string Checkout = "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2";
    private const string Upload = "actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4";
    private const string Download = "actions/download-artifact@d3f86a106a0bac45b974a628896c90dbdf5c8093 # v4.3.0";
    private const string SetupDotnet = "actions/setup-dotnet@67a3573c9a986a3f9c594539f4ab511d57bb3ce9 # v4.3.1";

    public static string Generate(CiCatalog catalog, string header)
    {
        var y = new StringBuilder();
        foreach (var line in header.Split('\n')) y.AppendLine($"# {line}".TrimEnd());
        y.AppendLine("name: ci");
        y.AppendLine("on:");
        y.AppendLine("  push:");
        y.AppendLine("    branches: [main]");
        y.AppendLine("  pull_request:");
        y.AppendLine("permissions:");
        y.AppendLine("  contents: read");
        y.AppendLine("concurrency:");
        y.AppendLine("  group: ci-${{ github.ref }}");
        y.AppendLine("  cancel-in-progress: true");
        y.AppendLine("env:");
        y.AppendLine("  TVM_HOME: .  # the checkout; relative, so it holds inside a job's container too");
        y.AppendLine("defaults:");
        y.AppendLine("  run:");
        y.AppendLine("    shell: bash  # bash --noprofile --norc -eo pipefail {0}: any failing command fails the step");
        y.AppendLine("jobs:");
        // What changed (code, docs, docker) and the CI images the TVM tree names, for the jobs below.
        y.AppendLine("  prepare:");
        y.AppendLine($"    runs-on: {Value(catalog.GithubRunner)}");
        y.AppendLine("    timeout-minutes: 10");
        y.AppendLine("    outputs:");
        y.AppendLine("      kinds: ${{ steps.prepare.outputs.kinds }}");
        y.AppendLine("      images: ${{ steps.prepare.outputs.images }}");
        y.AppendLine("    steps:");
        y.AppendLine($"      - uses: {Checkout}");
        y.AppendLine("        with:");
        y.AppendLine("          fetch-depth: 0");
        SetupDotnetStep(y);
        y.AppendLine("      - id: prepare");
        y.AppendLine("        run: |");
        // Bare assignments: under -e one fails the step when ./build.sh fails; echo "k=$(...)" would succeed, skip
        // every job and leave the required checks green.
        y.AppendLine("          kinds=$(./build.sh CiTask --changes --verbosity quiet)");
        y.AppendLine("          images=$(./build.sh CiTask --images --verbosity quiet)");
        y.AppendLine("          echo \"kinds=$kinds\" >> \"$GITHUB_OUTPUT\"");
        y.AppendLine("          echo \"images=$images\" >> \"$GITHUB_OUTPUT\"");
        foreach (var task in catalog.Tasks)
        {
            var kinds = string.Join(" || ", task.On.Select(k =>
                $"contains(needs.prepare.outputs.kinds, {Literal(k)})"));
            y.AppendLine($"  {JobId(task.Name)}:");
            y.AppendLine($"    needs: [{string.Join(", ", task.Needs.Prepend("prepare").Select(JobId))}]");
            y.AppendLine($"    if: {Quoted(kinds)}");
            y.AppendLine($"    runs-on: {Value(catalog.GithubRunner)}");
            y.AppendLine($"    timeout-minutes: {task.Timeout}");
            if (task.Image != CiCatalog.Host)
            {
                y.AppendLine("    container:");
                var image = $"${{{{ fromJSON(needs.prepare.outputs.images)[{Literal(Catalog(task.Image))}] }}}}";
                y.AppendLine($"      image: {Quoted(image)}");
                y.AppendLine("    env:");
                y.AppendLine("      TVM_BUILD_IN_IMAGE: \"1\""); // the job is the container: CiTask runs commands directly
            }
            if (task.Shards > 1)
            {
                y.AppendLine("    strategy:");
                y.AppendLine("      fail-fast: false");
                y.AppendLine("      matrix:");
                y.AppendLine($"        shard: [{string.Join(", ", Enumerable.Range(1, task.Shards))}]");
            }
            y.AppendLine("    steps:");
            y.AppendLine($"      - uses: {Checkout}");
            y.AppendLine("        with:");
            y.AppendLine("          submodules: recursive");
            SetupDotnetStep(y);
            foreach (var need in task.Needs)
            {
                y.AppendLine($"      - uses: {Download}");
                y.AppendLine("        with:");
                y.AppendLine($"          name: {Value(need)}");
            }
            var shard = task.Shards > 1 ? $" --shard ${{{{ matrix.shard }}}}/{task.Shards}" : "";
            var name = Catalog(task.Name);
            y.AppendLine($"      - run: {Quoted($"./build.sh CiTask --name {Command.Quote(name)}{shard}")}");
            y.AppendLine($"      - uses: {Upload}");
            y.AppendLine("        if: always()");
            y.AppendLine("        with:");
            y.AppendLine($"          name: {Quoted($"junit-{name}{(task.Shards > 1 ? "-${{ matrix.shard }}" : "")}")}");
            y.AppendLine($"          path: {Value(catalog.JunitPattern)}");
            y.AppendLine("          if-no-files-found: ignore");
            if (task.Produces.Count > 0 && task.Shards == 1)
            {
                y.AppendLine($"      - uses: {Upload}");
                y.AppendLine("        with:");
                y.AppendLine($"          name: {Value(task.Name)}");
                y.AppendLine("          path: |"); // a literal block: one glob a line, nothing in it is YAML
                foreach (var path in task.Produces) y.AppendLine($"            {BlockLine(Catalog(path))}");
                y.AppendLine("          if-no-files-found: error");
            }
        }
        return y.ToString();
    }

    // Catalog values are checked by the loader (CatalogValue); these functions make sure that, whatever a value
    // holds, it stays one YAML scalar and one value to GitHub.

    /// <summary>A catalog value as a double-quoted YAML scalar.</summary>
    private static string Value(string value) => Quoted(Catalog(value));

    /// <summary>GitHub evaluates <c>${{ }}</c> in any workflow string: none may come from the catalog.</summary>
    private static string Catalog(string value) => value.Contains("${{") || value.Contains("}}")
        ? throw new InvalidOperationException($"catalog value {CatalogValue.Show(value)} holds a GitHub expression")
        : value;

    /// <summary>A double-quoted YAML scalar: quotes, backslashes and line breaks escaped.</summary>
    private static string Quoted(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
            quoted.Append(c switch
            {
                '"' or '\\' => $"\\{c}",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        return quoted.Append('"').ToString();
    }

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

    private static void SetupDotnetStep(StringBuilder y)
    {
        y.AppendLine($"      - uses: {SetupDotnet}");
        y.AppendLine("        with:");
        y.AppendLine("          dotnet-version: 10.0.x");
    }
}
