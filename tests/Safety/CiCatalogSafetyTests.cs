using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.InProcessBuild;

namespace TvmBuild.Tests.Safety;

/// <summary>GenerateCi refuses a catalog value that could become YAML, shell or Groovy code, in one line with its file
/// and line, and writes nothing (in-process).</summary>
[Collection(nameof(InProcessCollection))]
public class CiCatalogSafetyTests
{
    private const string Hint = "Fix ci/catalog.yaml, then run ./build.sh GenerateCi.";

    [Theory]
    [InlineData("  lint:\n", "  \"x'; sh 'rm -rf /'; '\":\n",
        "task name \"x'; sh 'rm -rf /'; '\" is not allowed",
        "a task name is lower-case letters, digits and '-', starting with a letter")]
    [InlineData("    agent: CPU-SMALL\n", "    agent: \"CPU-SMALL') { sh 'id' }\\nnode('CPU\"\n",
        "task 'unittest': agent \"CPU-SMALL') { sh 'id' }\\nnode('CPU\" is not allowed",
        "an agent is letters, digits, '_', '.' and '-' (a Jenkins node label such as CPU-SMALL)")]
    [InlineData("    image: ci_cpu\n", "    image: \"${{ github.event.pull_request.title }}\"\n",
        "task 'build-cpu': image \"${{ github.event.pull_request.title }}\" is not allowed",
        "an image is 'host' or lower-case letters, digits and '_', starting with a letter (an image shortcut")]
    [InlineData("      - build-cpu/config.cmake\n", "      - \"build-cpu/x', includes: '**\"\n",
        "task 'build-cpu': produces glob \"build-cpu/x', includes: '**\" is not allowed",
        "a glob is a relative path of letters, digits, '_', '.', '-', '/', '*' and '?', without '..'")]
    [InlineData("      - build-cpu/config.cmake\n", "      - ../../etc/passwd\n",
        "task 'build-cpu': produces glob \"../../etc/passwd\" is not allowed", "without '..'")]
    [InlineData("  junit: build-*/pytest-results/*.xml\n", "  junit: \"*.xml'), sh('id\"\n",
        "settings: junit glob \"*.xml'), sh('id\" is not allowed", "a glob is a relative path")]
    [InlineData("  github_runner: ubuntu-22.04\n", "  github_runner: \"${{ github.head_ref }}\"\n",
        "settings: github_runner \"${{ github.head_ref }}\" is not allowed", "a runner label is letters, digits")]
    [InlineData("      - build-cpu/config.cmake\n", "      - [build-cpu/config.cmake]\n",
        "task 'build-cpu': 'produces' must be a list of plain values", Hint)]
    [InlineData("    on: [docker]\n", "    on: [code, \"docs') || true\"]\n",
        "task 'image-ci-arm': unknown change kind \"docs') || true\"", "(code, docs, docker)")]
    [InlineData("    uses: [./.github/actions/setup]\n", "    uses: [\"./x\\n  - run: id\"]\n",
        "task 'macos': action \"./x\\n  - run: id\" is not allowed", "an action is a path in the checked-out tree")]
    [InlineData("stage: \"unittest: CPU\"", "stage: \"unittest: CPU'); sh('id\"",
        "task 'unittest': name \"unittest: CPU'); sh('id\" is not allowed", "a name is letters, digits, spaces")]
    public void A_hostile_catalog_value_is_refused_with_file_line_and_nothing_is_written(
        string from, string to, string message, string allowed)
    {
        var (root, catalog) = CatalogRoot(from, to);
        var output = OutputWithOldFiles();
        var before = Snapshot(output);

        var result = Run("GenerateCi", "--root", root, "--output", output);

        result.ExitCode.ShouldBe(255, result.ToString());
        var line = Array.FindIndex(File.ReadAllLines(catalog), l => l.Contains(to.Split('\n')[0].Trim())) + 1;
        result.Output.ShouldContain($"{catalog}:{line}: {message}", Case.Sensitive, result.ToString());
        result.Output.ShouldContain(allowed);
        result.Output.ShouldContain(Hint);
        result.Output.ShouldNotContain("   at "); // a message, not a stack trace
        Snapshot(output).ShouldBe(before, "a refused catalog leaves the old files and writes nothing");
    }

    /// <summary>A scratch build root holding only a changed copy of this repository's catalog.</summary>
    private static (string Root, string Catalog) CatalogRoot(string from, string to)
    {
        var root = TempDirectory();
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        Directory.CreateDirectory(Path.Combine(root, "ci"));
        var text = File.ReadAllText(Path.Combine(RepoRoot, "ci", "catalog.yaml"));
        if (!text.Contains(from)) throw new InvalidOperationException($"catalog lacks: {from}");
        var index = text.IndexOf(from, StringComparison.Ordinal);
        var catalog = Path.Combine(root, "ci", "catalog.yaml");
        File.WriteAllText(catalog, text[..index] + to + text[(index + from.Length)..]);
        return (root, catalog);
    }

    /// <summary>A GenerateCi --output folder with the committed generated files in it.</summary>
    private static string OutputWithOldFiles()
    {
        var output = TempDirectory();
        Directory.CreateDirectory(Path.Combine(output, "ci"));
        Directory.CreateDirectory(Path.Combine(output, ".github", "workflows"));
        var files = new[] { ("ci/Jenkinsfile", "ci/Jenkinsfile"), ("ci/workflows/ci.yml", ".github/workflows/ci.yml") };
        foreach (var (here, there) in files)
            File.Copy(Path.Combine(RepoRoot, here), Path.Combine(output, there));
        return output;
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);
}
