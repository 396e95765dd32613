using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.InProcessBuild;

namespace TvmBuild.Tests.Safety;

/// <summary>ClearStaleImages shows what it removes before removing it, asks unless --yes, and refuses
/// a tree that names no CI images (every tlcpack image would look stale).</summary>
[Collection(nameof(InProcessCollection))]
public class ClearStaleImagesSafetyTests
{
    private const string Images = "tlcpack/ci-cpu:20260101-000000-fixture\\ntlcpack/ci-gpu:old\\nubuntu:22.04\\n" +
                                  "tlcpack/ci-lint:older\\n";

    internal static Dictionary<string, string?> Environment(FakeDocker docker, Dictionary<string, string?>? more = null)
    {
        var environment = docker.Environment(new() { ["FAKE_DOCKER_IMAGES"] = Images });
        foreach (var (key, value) in more ?? []) environment[key] = value;
        return environment;
    }

    [Fact]
    public void With_yes_the_list_is_printed_before_docker_rmi_runs()
    {
        var docker = new FakeDocker();
        var result = Run(["ClearStaleImages", "--tvm-home", Fixture, "--yes"], Environment(docker));
        result.ExitCode.ShouldBe(0, result.ToString());
        docker.Calls.ShouldBe([
            ["images", "--format", "{{.Repository}}:{{.Tag}}"],
            ["rmi", "tlcpack/ci-gpu:old", "tlcpack/ci-lint:older"],
        ]);
        var lines = result.Output.Split('\n').Select(l => l.TrimEnd()).ToList();
        var heading = lines.FindIndex(l => l.StartsWith("Stale tlcpack images (2)"));
        heading.ShouldBeGreaterThanOrEqualTo(0, result.ToString());
        lines.Skip(heading + 1).Take(2).ShouldBe(["  tlcpack/ci-gpu:old", "  tlcpack/ci-lint:older"]);
        lines.FindIndex(l => l.Contains("> ") && l.Contains("docker rmi"))
            .ShouldBeGreaterThan(heading + 2, result.ToString());
    }

    public static TheoryData<string, string> TreesWithoutImages => new()
    {
        { "not TVM", "" },
        { "no image list", "ci/jenkins/docker-images.ini" },
        { "an image list without images", "ci/jenkins/docker-images.ini:[jenkins]\nci_tag = 20260101\n" },
    };

    [Theory]
    [MemberData(nameof(TreesWithoutImages))]
    public void A_tree_that_names_no_ci_images_is_refused_before_docker_is_asked(string kind, string change)
    {
        string tree;
        if (change == "") tree = TempDirectory();
        else
        {
            tree = Trees.CopyFixture();
            var (file, text) = (change.Split(':', 2)[0], change.Split(':', 2).ElementAtOrDefault(1));
            if (text is null) File.Delete(Path.Combine(tree, file));
            else File.WriteAllText(Path.Combine(tree, file), text);
        }
        var docker = new FakeDocker();
        var result = Run(["ClearStaleImages", "--tvm-home", tree, "--yes"], Environment(docker));
        result.ExitCode.ShouldBe(255, kind);
        result.Output.ShouldContain($"{tree} names no CI images");
        result.Output.ShouldContain("nothing was removed");
        docker.Calls.ShouldBeEmpty(kind);
    }

    [Fact]
    public void A_keep_images_of_folder_that_names_no_ci_images_is_refused()
    {
        var other = TempDirectory();
        var docker = new FakeDocker();
        var result = Run(["ClearStaleImages", "--tvm-home", Fixture, "--keep-images-of", other, "--yes"],
            Environment(docker));
        result.ExitCode.ShouldBe(255);
        result.Output.ShouldContain($"{other} names no CI images");
        docker.Calls.ShouldBeEmpty();
    }
}
