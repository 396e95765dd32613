using Shouldly;
using TvmBuild.Adopt;
using Xunit;

namespace TvmBuild.Tests.Adopt;

/// <summary>How --retire finds and rewrites what points at a removed path.</summary>
public class MentionsTests
{
    private static readonly string[] Files =
        ["build.sh", "docker/build.sh", "docker/bash.sh", "docker/README.md", "tests/scripts/task_build.py",
            "ci/jenkins/generate.py",
         "web/generate.py", "ci/jenkins/templates/a.j2"];

    private static readonly Mentions Removed = new(["docker/build.sh", "tests/scripts/task_build.py",
        "ci/jenkins/generate.py",
        "ci/jenkins/templates/"], Files);

    [Theory]
    [InlineData("./docker/build.sh ci_cpu", "", "docker/build.sh")]
    [InlineData("run python3 tests/scripts/task_build.py --debug", "", "tests/scripts/task_build.py")]
    [InlineData("made by 'jenkins/generate.py'", "", "ci/jenkins/generate.py")]
    [InlineData("see task_build.py", "", "tests/scripts/task_build.py")]
    [InlineData("[`build.sh`](./build.sh)", "docker", "docker/build.sh")]
    [InlineData("./build.sh BuildImage", "docker", null)]
    [InlineData("in /ci/jenkins/templates/", "", "ci/jenkins/templates/")]
    [InlineData("./build.sh Compile", "", null)]
    [InlineData("generate.py", "", null)]
    [InlineData("tests/scripts/task_build.pyc", "", null)]
    [InlineData("xdocker/build.sh", "", null)]
    [InlineData("/path/to/tvm/docker/build.sh <image>", "", "docker/build.sh")]
    public void A_line_names_a_removed_path(string line, string folder, string? expected) =>
        Removed.In(line, folder).ShouldBe(expected);

    [Fact]
    public void Documents_get_the_new_command()
    {
        var by = new Dictionary<string, string>
        {
            ["docker/build.sh"] = "./build.sh BuildImage", ["tests/scripts/task_build.py"] = "./build.sh Compile",
            ["ci/jenkins/generate.py"] = "./build.sh GenerateCi", ["ci/jenkins/templates/"] = "ci/catalog.yaml",
        };
        Removed.Replace("./docker/build.sh image_name -it bash\n", by)
            .ShouldBe("./build.sh BuildImage image_name -it bash\n");
        Removed.Replace("```bash\n./docker/build.sh image_name [command(optional)]\n```\n", by)
            .ShouldBe("```bash\n./build.sh BuildImage image_name [command(optional)]\n```\n");
        Removed.Replace("run `python3 tests/scripts/task_build.py` now", by).ShouldBe("run `./build.sh Compile` now");
        Removed.Replace("docker/bash.sh ci_gpu tests/scripts/task_build.py", by)
            .ShouldBe("./build.sh Compile --docker ci_gpu");
        Removed.Replace("We use [`build.sh`](./build.sh) to build", by, "docker")
            .ShouldBe("We use `./build.sh BuildImage` to build");
        Removed.Replace("in [`Jenkinsfile`](../ci/jenkins/templates/))", by, "ci").ShouldBe("in `ci/catalog.yaml`)");
        Removed.Replace("`Jenkinsfile templates <https://github.com/apache/tvm/blob/main/ci/jenkins/templates/>`_", by)
            .ShouldBe("`Jenkinsfile templates <https://github.com/apache/tvm/blob/main/ci/catalog.yaml>`_");
        Removed.Replace("see [task_build.py](https://github.com/apache/tvm/blob/main/tests/scripts/task_build.py).", by)
            .ShouldBe("see `./build.sh Compile`.");
        Removed.Replace("<https://github.com/apache/tvm/blob/main/tests/scripts/task_build.py>", by)
            .ShouldBe("<https://github.com/apache/tvm/blob/main/tests/scripts/task_build.py>",
                "a command is no URL: left for an edit");
        Removed.Replace("/path/to/tvm/docker/build.sh <image-name>", by).ShouldBe("./build.sh BuildImage <image-name>");
        Removed.Replace("made by 'jenkins/generate.py'", by).ShouldBe("made by './build.sh GenerateCi'");
    }
}
