using System.Text.RegularExpressions;
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

    [Fact]
    public void A_task_that_stashes_or_unstashes_other_files_than_its_stage_is_named()
    {
        var tvm = Recorded;
        tvm.StashSets!["cpptest"].Add("build/cpptest_extra");
        var gpu = tvm.Pipelines.Single(p => p.Name == "gpu").Steps;
        var build = gpu.Single(s => s.Name == "BUILD: GPU");
        build.Uploads!.Add(new TvmStash("gpu", ["tvm_lib_debug"], Build: "gpu"));
        gpu[gpu.IndexOf(gpu.Single(s => s.Name == "unittest: GPU"))] =
            gpu.Single(s => s.Name == "unittest: GPU") with { Downloads = null };
        // build-gpu as it was: globs that miss the 3rdparty libraries in their CMake folders; docs without build-gpu.
        var text = Regex.Replace(File.ReadAllText(Path.Combine(RepoRoot, "ci", "catalog.yaml")),
            @"    produces:   # data.py's tvm_lib, tvm_lib_gpu_extra\n(      - .*\n)+",
            "    produces: [build-gpu/lib/*.so, build-gpu/*.so, build-gpu/config.cmake]\n");
        const string needs = "    needs: [build-gpu]\n";
        var docsNeeds = text.IndexOf(needs, text.IndexOf("stage: \"docs: GPU\"", StringComparison.Ordinal),
            StringComparison.Ordinal);
        text = text[..docsNeeds] + "    stage: Test\n" + text[(docsNeeds + needs.Length)..];
        var problems = Coverage.Problems(tvm, Catalog(text));
        string[] tvmLib =
        [
            "lib/libtvm_compiler.so", "lib/libtvm_runtime.so", "lib/libtvm_ffi.so", "lib/libtvm_runtime_cuda.so",
            "lib/libtvm_runtime_vulkan.so", "lib/libtvm_runtime_opencl.so", "lib/libtvm_runtime_rocm.so",
            "lib/libtvm_runtime_extra.so", "libtvm_allvisible.so", "config.cmake",
        ];
        string[] cpptest = ["cpptest", "build.ninja", "CMakeFiles/rules.ninja"];
        string Files(string preset, params string[] files) =>
            string.Join(", ", files.Select(f => $"build-{preset}/{f}"));
        string CpptestExtra(string preset, string stage) =>
            $"task build-{preset} ({preset}: \"{stage}\"): produces [{Files(preset, [.. tvmLib, .. cpptest])}] " +
            $"here, TVM's stage uploads [{Files(preset, [.. tvmLib, .. cpptest, "cpptest_extra"])}] " +
            $"(data.py: tvm_lib, cpptest, build/ is build-{preset}/)";
        string[] expected =
        [
            CpptestExtra("cpu", "BUILD: CPU"),
            CpptestExtra("arm", "BUILD: arm"),
            "task build-gpu (gpu: \"BUILD: GPU\"): produces [build-gpu/lib/*.so, build-gpu/*.so, " +
            "build-gpu/config.cmake] here, TVM's stage uploads [" +
            Files("gpu", [.. tvmLib, "3rdparty/libflash_attn/src/libflash_attn.so",
                "3rdparty/cutlass_fpA_intB_gemm/cutlass_kernels/libfpA_intB_gemm.so"]) +
            "] (data.py: tvm_lib, tvm_lib_gpu_extra, build/ is build-gpu/; " +
            "data.py: tvm_lib_debug, build/ is build-gpu/)",
            "task build-gpu (gpu: \"BUILD: GPU\"): s3.py uploads the bundle tvm_lib_debug, " +
            "which ci/jenkins/data.py does not have",
            "task unittest-gpu (gpu: \"unittest: GPU\"): needs [build-gpu] here, TVM's stage downloads what [] upload",
            "task docs (gpu: \"docs: GPU\"): needs [] here, TVM's stage downloads what [build-gpu] upload " +
            "(s3.py --prefix gpu)",
        ];
        foreach (var problem in expected) problems.ShouldContain(problem, string.Join("\n", problems));
        problems.Count.ShouldBe(expected.Length, string.Join("\n", problems));
    }
}
