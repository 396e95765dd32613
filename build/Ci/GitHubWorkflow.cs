using System.Text;

namespace TvmBuild.Ci;

/// <summary>.github/workflows/ci.yml: a job per task (a matrix for shards), <c>needs:</c> from the artifact edges,
/// <c>container:</c> the task's image, read-only permissions, actions pinned by commit, superseded runs cancelled,
/// per-job timeouts, artifacts uploaded and downloaded along the edges; every job's work is <c>./build.sh CiTask --name X</c>.</summary>
public static class GitHubWorkflow
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
        y.AppendLine("jobs:");
        // What changed (code, docs, docker) and the CI images the TVM tree names, for the jobs below.
        y.AppendLine("  prepare:");
        y.AppendLine($"    runs-on: {catalog.GithubRunner}");
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
        y.AppendLine("          echo \"kinds=$(./build.sh CiTask --changes --verbosity quiet)\" >> \"$GITHUB_OUTPUT\"");
        y.AppendLine("          echo \"images=$(./build.sh CiTask --images --verbosity quiet)\" >> \"$GITHUB_OUTPUT\"");
        foreach (var task in catalog.Tasks)
        {
            var kinds = string.Join(" || ", task.On.Select(k => $"contains(needs.prepare.outputs.kinds, '{k}')"));
            y.AppendLine($"  {task.Name}:");
            y.AppendLine($"    needs: [{string.Join(", ", task.Needs.Prepend("prepare"))}]");
            y.AppendLine($"    if: {kinds}");
            y.AppendLine($"    runs-on: {catalog.GithubRunner}");
            y.AppendLine($"    timeout-minutes: {task.Timeout}");
            if (task.Image != CiCatalog.Host)
            {
                y.AppendLine("    container:");
                y.AppendLine($"      image: ${{{{ fromJSON(needs.prepare.outputs.images).{task.Image} }}}}");
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
                y.AppendLine($"          name: {need}");
            }
            var shard = task.Shards > 1 ? $" --shard ${{{{ matrix.shard }}}}/{task.Shards}" : "";
            y.AppendLine($"      - run: ./build.sh CiTask --name {task.Name}{shard}");
            y.AppendLine($"      - uses: {Upload}");
            y.AppendLine("        if: always()");
            y.AppendLine("        with:");
            y.AppendLine($"          name: junit-{task.Name}{(task.Shards > 1 ? "-${{ matrix.shard }}" : "")}");
            y.AppendLine($"          path: {catalog.JunitPattern}");
            y.AppendLine("          if-no-files-found: ignore");
            if (task.Produces.Count > 0 && task.Shards == 1)
            {
                y.AppendLine($"      - uses: {Upload}");
                y.AppendLine("        with:");
                y.AppendLine($"          name: {task.Name}");
                y.AppendLine("          path: |");
                foreach (var path in task.Produces) y.AppendLine($"            {path}");
                y.AppendLine("          if-no-files-found: error");
            }
        }
        return y.ToString();
    }

    private static void SetupDotnetStep(StringBuilder y)
    {
        y.AppendLine($"      - uses: {SetupDotnet}");
        y.AppendLine("        with:");
        y.AppendLine("          dotnet-version: 10.0.x");
    }
}
