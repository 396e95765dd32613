using Shouldly;
using TvmBuild.Ci;
using TvmBuild.Engine;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.Coverage;

/// <summary>ci/catalog.yaml ≡ TVM main's CI: checked against the recording in tests/data (always) and against the tree
/// at TVM_HOME (when set).</summary>
public class CatalogCoverageTests
{
    private static CiCatalog Catalog(string? text = null)
    {
        var file = Path.Combine(RepoRoot, "ci", "catalog.yaml");
        if (text is not null)
        {
            file = Path.Combine(TempDirectory(), "catalog.yaml");
            File.WriteAllText(file, text);
        }
        return CatalogReader.Load(AbsolutePath.Create(file), null, null);
    }

    private static TvmCi Recorded => TvmCi.FromJson(File.ReadAllText(RecordedTvmCiTests.DataFile));

    [Fact]
    public void The_catalog_covers_tvm_mains_ci_as_recorded()
    {
        var problems = Coverage.Problems(Recorded, Catalog());
        problems.ShouldBeEmpty(string.Join("\n", problems));
        Recorded.Pipelines.Select(p => p.Name).ShouldBe(
        [
            "arm", "cpu", "docker", "gpu", "wasm",
            "lint.yml", "main.yml", "nightly_docker_update.yml", "publish_wheel.yml", "tvmbot.yml",
        ]);
    }

    [RealTvmFact]
    public void The_catalog_covers_the_ci_of_the_tree_at_tvm_home()
    {
        var tvm = Environment.GetEnvironmentVariable("TVM_HOME")!;
        if (!Directory.Exists(Path.Combine(tvm, "ci", "jenkins", "generated"))) return; // v0.9.0: a single Jenkinsfile
        var problems = Coverage.Problems(TvmCiScan.Read(tvm), Catalog());
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    [Fact]
    public void What_tvm_adds_or_the_catalog_invents_or_changes_is_named()
    {
        var tvm = Recorded;
        var cpu = tvm.Pipelines.Single(p => p.Name == "cpu");
        var test = cpu.Steps.Single(s => s.Name == "unittest: CPU");
        cpu.Steps.Add(test with { Name = "integration: CPU" });
        test.Calls.Add(new TvmCall("task_python_integration.sh"));
        var gpu = tvm.Pipelines.Single(p => p.Name == "gpu").Steps.Single(s => s.Name == "BUILD: GPU");
        gpu.Calls[^1] = gpu.Calls[^1] with { Arguments = gpu.Calls[^1].Arguments!.Replace("tvm_runtime", "runtime") };
        var text = File.ReadAllText(Path.Combine(RepoRoot, "ci", "catalog.yaml"))
            .Replace("agent: ARM-GRAVITON3", "agent: ARM")
            .Replace("    parameters: {preset: cpu, compiler-cache: sccache, sccache-bucket: tvm-sccache-prod,",
                "    parameters: {preset: cpu, compiler-cache: sccache, sccache-bucket: tvm-sccache-dev,")
            .Replace("\nleft_out:\n", """

              unittest-arm:
                tvm: { pipeline: arm, stage: "unittest: ARM" }
                image: ci_arm
                agent: ARM
                targets: [UnitTest]
              unittest-arm2:
                image: ci_arm
                agent: ARM
                targets: [UnitTest]

            left_out:

            """)
            .Replace("  - names: [SKIP_SLOW_TESTS]\n", "  - names: [SKIP_SLOW_TESTS, Nightly]\n");
        var problems = Coverage.Problems(tvm, Catalog(text));
        string[] expected =
        [
            "cpu: \"integration: CPU\" is neither mapped by a task " +
            "(tvm: { pipeline: cpu, stage: \"integration: CPU\" }) nor named in left_out or done_elsewhere",
            "task unittest (cpu: \"unittest: CPU\"): the steps stand for " +
            "[task_cpp_unittest.sh, task_python_unittest.sh], " +
            "TVM's CI calls [task_cpp_unittest.sh, task_python_unittest.sh, task_python_integration.sh]",
            "task build-cpu (cpu: \"BUILD: CPU\"), task_build.py: --sccache-bucket is \"tvm-sccache-dev\" here, " +
            "\"tvm-sccache-prod\" in TVM's CI",
            "task build-gpu (gpu: \"BUILD: GPU\"): the steps stand for [task_config_build_gpu.sh, task_build.py, " +
            "task_config_build_gpu_other.sh, task_build.py --cmake-target tvm_runtime], TVM's CI calls " +
            "[task_config_build_gpu.sh, task_build.py, task_config_build_gpu_other.sh, " +
            "task_build.py --cmake-target runtime]",
            "task build-arm (arm: \"BUILD: arm\"): the agent is \"ARM\" here, \"ARM-GRAVITON3\" in TVM's CI",
            "task unittest-arm maps arm: \"unittest: ARM\", which TVM's CI does not have",
            "task unittest-arm2 maps no stage of TVM's CI (add tvm: { pipeline, stage })",
            "left_out/done_elsewhere names \"Nightly\", which TVM's CI does not have",
        ];
        foreach (var problem in expected) problems.ShouldContain(problem, string.Join("\n", problems));
    }
}
