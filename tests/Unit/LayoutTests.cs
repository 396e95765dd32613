using Shouldly;
using TvmBuild.Docker;
using TvmBuild.Engine;
using TvmBuild.Lint;
using TvmBuild.Tvm;
using Xunit;

namespace TvmBuild.Tests.Unit;

/// <summary>Layout behaviour is data: a made-up third layout that behaves like v0.9.0 for docker and lint needs
/// only its entry in build/layouts.yaml.</summary>
public class LayoutTests
{
    private static readonly string MadeUp = """
        v0.9.1:
          description: a made-up ref with v0.9.0's scripts
          markers: [Makefile, NEWS-0.9.1]
          bash_sh: classic
          lint: task-lint
          images: { file: Jenkinsfile, format: jenkinsfile }
          presets:
            cpu: [USE_LLVM ON]
        """;

    private static (IReadOnlyList<Layout> Layouts, string Tree) Setup()
    {
        var folder = Directory.CreateTempSubdirectory("tvm-build-unit-").FullName;
        var file = Path.Combine(folder, "layouts.yaml");
        File.WriteAllText(file, File.ReadAllText(Layouts.File).Replace("\nv0.9.0:", "\n" + MadeUp + "\nv0.9.0:"));
        var tree = Directory.CreateDirectory(Path.Combine(folder, "tvm")).FullName;
        string[] files = ["CMakeLists.txt", "cmake/config.cmake", "python/tvm/__init__.py", "Makefile", "NEWS-0.9.1"];
        foreach (var path in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(tree, path))!);
            File.WriteAllText(Path.Combine(tree, path), "");
        }
        File.WriteAllText(Path.Combine(tree, "Jenkinsfile"), "ci_cpu = 'tlcpack/ci-cpu:v0.91'\n");
        return (Layouts.Load(AbsolutePath.Create(file)), tree);
    }

    [Fact]
    public void A_made_up_layout_is_detected_and_behaves_as_its_data_says()
    {
        var (layouts, tree) = Setup();
        var layout = Layouts.Detect(layouts, AbsolutePath.Create(tree));
        layout.Name.ShouldBe("v0.9.1");

        DockerImages.Read(AbsolutePath.Create(tree), layout.Images, out _)
            .ShouldBe(new Dictionary<string, string> { ["ci_cpu"] = "tlcpack/ci-cpu:v0.91" });
        var options = new DockerRunOptions
        {
            Cli = "docker", Dialect = layout.BashSh, RepoDirectory = AbsolutePath.Create(tree), Image = "i",
        };
        var host = new MachineFacts(_ => null, (1, "u", 1, "g"), Rootless: true, _ => false, _ => false, false, [],
            null);
        DockerRun.Argv(options with { Command = ["true"] }, host)
            .ShouldContain("--pid=host", "classic bash.sh ignores rootless docker");

        var tools = new LintTools(AbsolutePath.Create(tree), AbsolutePath.Create(tree), "/usr/bin/python3",
            new ProcessRunner(false, default), HasCiLintImage: true);
        LintCatalog.For(layout, tools).Select(l => l.Id).ShouldContain("black");
    }

    [Fact]
    public void Expand_takes_variables_then_the_environment_then_the_default_and_refuses_an_unset_name()
    {
        var variables = new Dictionary<string, string> { ["BUILD_DIR"] = "/b" };
        Layouts.Expand("${BUILD_DIR}/x ${TVM_BUILD_UNIT_UNSET:-d}", variables, "test").ShouldBe("/b/x d");
        Should.Throw<BuildFailure>(() => Layouts.Expand("${TVM_BUILD_UNIT_UNSET}", variables, "Step X"))
            .Message.ShouldBe("Step X needs the environment variable TVM_BUILD_UNIT_UNSET, which is not set.");
    }
}
