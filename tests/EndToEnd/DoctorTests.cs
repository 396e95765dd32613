using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.InProcessBuild;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>Doctor for a tree: what it asks of this machine (a stand-in PATH, so each answer is known), what is missing
/// with how to get it, and an exit code that fails only for the targets asked about.</summary>
[Collection(nameof(InProcessCollection))]
public class DoctorTests
{
    [Fact]
    public void Doctor_names_what_the_tree_lacks_and_fails_only_for_targets_asked_about()
    {
        var tree = UsingWhatTvmUses(Trees.CopyFixture()); // main: tvm-ffi is checked out, its dlpack is not
        File.WriteAllText(Path.Combine(tree, "3rdparty", "tvm-ffi", "CMakeLists.txt"),
            "cmake_minimum_required(VERSION 99.1)\ninclude_directories(3rdparty/dlpack/include)\n");
        var machine = new FakeMachine().WithGcc(12).Environment;
        // no pinned linter installed yet (the test run's cache has those other tests' Lint installed)
        machine["XDG_CACHE_HOME"] = BuildScript.TempDirectory("cache-");

        var report = Run(["Doctor", "--tvm-home", tree], machine);
        report.ExitCode.ShouldBe(0, report.ToString()); // no --for: a report
        report.Output
            .ShouldMatch(@"cmake >= 99\.1[^\n]*? +MISSING: this machine has 3\.\d+\.\d+; apt-get install cmake");
        report.Output
            .ShouldMatch(@"USE_DNNL: libdnnl\.so[^\n]*? +MISSING: apt-get install libdnnl-dev +Configure \+\d+ after");
        report.Output.ShouldMatch(
            @"USE_LLVM: /usr/bin/llvm-config-17[^\n]*? +MISSING: apt-get install llvm-N-dev with N 15 to 22");
        report.Output.ShouldMatch(@"Python module ml_dtypes[^\n]*? +MISSING: ml_dtypes is not packaged for Debian");
        report.Output
            .ShouldMatch(@"3rdparty/tvm-ffi/3rdparty/dlpack[^\n]*? +MISSING: git submodule update --init --recursive");
        // the stand-in has none
        report.Output.ShouldMatch(@"clang-format 20\.1\.8 \(pinned in[^\n]*? +MISSING \(optional\)");
        // WheelTest needs only pytest, which the targets also look for in /usr/bin/python3: this machine's answer
        report.Output.ShouldMatch(
            @"Cannot run here yet: BuildImage, ClearStaleImages, Compile, CompileCppTest, Configure, " +
            @"CppDocs, CppTest, DevShell, Docs, IntegrationTest, JavaTest, UnitTest, WebTest(, WheelTest)? \(");

        var checkout = Run(["Doctor", "--tvm-home", tree, "--for", "Checkout"], machine);
        checkout.ExitCode.ShouldBe(0, checkout.ToString()); // doxygen, cmake... are not Checkout's
        checkout.Output.ShouldNotContain("USE_DNNL");

        var compile = Run(["Doctor", "--tvm-home", tree, "--for", "Compile"], machine);
        compile.ExitCode.ShouldBe(255, compile.ToString());
        compile.Output.ShouldContain(
            "Missing: cmake >= 99.1 (3rdparty/tvm-ffi/CMakeLists.txt) (Compile (via Configure)); " +
            "3rdparty/tvm-ffi/3rdparty/dlpack (submodule) (Compile (via Configure)); USE_DNNL: libdnnl.so");
        compile.Output.ShouldContain(
            "Hint: Install what the table says, or run those targets with --docker; the preset's " +
            "features: --native turns them off (Doctor --native shows it).");
    }

    [Fact]
    public void Doctor_native_shows_the_workaround_and_passes_when_only_the_presets_features_are_missing()
    {
        var tree = UsingWhatTvmUses(Trees.CopyFixtureAsV090()); // v0.9.0: llvm-config 4 to 14, CI's gcc 7
        foreach (var submodule in new[] { "dlpack", "dmlc-core", "rang" })
            File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(tree, "3rdparty",
                submodule)).FullName, "x"), "");
        var machine = new FakeMachine().WithGcc(12).WithLlvm(14).Environment;
        var result = Run(["Doctor", "--tvm-home", tree, "--preset", "wasm", "--for", "Configure", "--native"], machine);
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldMatch(
            @"USE_LLVM: llvm-config-11 \(4 to 14\) +missing; --native sets set\(USE_LLVM llvm-config-14\)");
        result.Output.ShouldMatch(
            @"CMAKE_CXX_FLAGS: -Werror with CI's[^\n]*? +missing; --native sets set\(CMAKE_CXX_FLAGS """"\)");
        result.Output.ShouldContain("Everything Configure needs is here");
    }

    [Fact]
    public void On_the_fixture_Compile_needs_neither_dlpack_nor_llvm_config_as_its_CMake_uses_neither()
    {
        var tree = Trees.CopyFixture(); // its cpu preset sets USE_LLVM and USE_DNNL, which its CMake never reads
        var result = Run(["Doctor", "--tvm-home", tree, "--for", "Compile"], new FakeMachine().WithGcc(12).Environment);
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldMatch(
            @"3rdparty/tvm-ffi/3rdparty/dlpack \(submodule\) +not needed: 3rdparty/tvm-ffi's CMake does not name it");
        result.Output.ShouldMatch(@"USE_LLVM: /usr/bin/llvm-config-17 \(15 to 22\) +not needed: the tree's CMake " +
                                  @"does not read it \(no cmake/modules/LLVM\.cmake\)");
        result.Output.ShouldMatch(@"USE_DNNL: libdnnl\.so +not needed");
        result.Output.ShouldNotContain("MISSING");
        result.Output.ShouldContain("Everything Compile needs is here");
    }

    [Fact]
    public void A_tree_whose_CMake_runs_the_configs_llvm_config_needs_it()
    {
        var tree = Trees.CopyFixture();
        Write(tree, "cmake/modules/LLVM.cmake", "find_llvm(${USE_LLVM})\n"); // as TVM's: it runs llvm-config
        var machine = new FakeMachine().WithGcc(12).Environment;
        var result = Run(["Doctor", "--tvm-home", tree, "--for", "Compile"], machine);
        result.ExitCode.ShouldBe(255, result.ToString());
        result.Output.ShouldMatch(
            @"USE_LLVM: /usr/bin/llvm-config-17 \(15 to 22\) +MISSING: apt-get install llvm-N-dev with N 15 to 22");
        result.Output.ShouldContain("Missing: USE_LLVM: /usr/bin/llvm-config-17 (15 to 22) (Compile (via Configure)).");

        // What Compile would configure: --cmake-option wins over the preset, and the build directory remembers it.
        var off = Run(["Doctor", "--tvm-home", tree, "--for", "Compile", "--cmake-option", "USE_LLVM=OFF"], machine);
        off.ExitCode.ShouldBe(0, off.ToString());
        off.Output.ShouldNotContain("USE_LLVM:");
        Run(["Configure", "--tvm-home", tree, "--config-only", "--cmake-option", "USE_LLVM=llvm-config-16"], machine)
            .ExitCode.ShouldBe(0);
        var remembered = Run(["Doctor", "--tvm-home", tree, "--for", "Compile"], machine);
        remembered.Output.ShouldMatch(@"USE_LLVM: llvm-config-16 \(15 to 22\) +MISSING");
    }

    [Fact]
    public void A_submodule_inside_one_that_is_not_checked_out_is_needed_with_it()
    {
        var tree = Trees.CopyFixture();
        File.AppendAllText(Path.Combine(tree, "CMakeLists.txt"), "add_subdirectory(3rdparty/tvm-ffi)\n");
        File.Delete(Path.Combine(tree, "3rdparty", "tvm-ffi", "CMakeLists.txt")); // an empty submodule folder
        var result = Run(["Doctor", "--tvm-home", tree, "--for", "Configure"],
            new FakeMachine().WithGcc(12).Environment);
        result.ExitCode.ShouldBe(255, result.ToString());
        result.Output.ShouldContain("Missing: 3rdparty/tvm-ffi (submodule) (Configure); " +
                                    "3rdparty/tvm-ffi/3rdparty/dlpack (submodule) (Configure).");
    }

    [Fact]
    public void Doctor_for_Compile_makes_only_Compiles_checks_and_fetches_no_linter()
    {
        var machine = new FakeMachine().WithGcc(12);
        var npmLog = Path.Combine(machine.Bin, "npm.log");
        var npm = Path.Combine(machine.Bin, "npm");
        File.WriteAllText(npm, $"#!/bin/sh\necho \"$@\" >> {npmLog}\nexit 1\n");
        File.SetUnixFileMode(npm, (UnixFileMode)0b111_101_101);
        var environment = machine.Environment;
        environment["XDG_CACHE_HOME"] = BuildScript.TempDirectory("cache-"); // no pinned linter installed yet
        var result = Run(["Doctor", "--tvm-home", Trees.CopyFixture(), "--for", "Compile"], environment);
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldNotContain("Installing"); // Lint's pinned clang-format: not Compile's
        File.Exists(npmLog).ShouldBeFalse(result.ToString());
        result.Output.ShouldNotContain("Python module");
    }

    [Fact]
    public void A_pinned_linter_that_prints_its_version_and_exits_1_is_found_as_Lint_finds_it()
    {
        var machine = new FakeMachine();
        var yamllint = Path.Combine(machine.Bin, "yamllint");
        File.WriteAllText(yamllint, "#!/bin/sh\necho 'yamllint 1.35.1'\nexit 1\n"); // as taplo 0.9.0 --version does
        File.SetUnixFileMode(yamllint, (UnixFileMode)0b111_101_101);
        var result = Run(["Doctor", "--tvm-home", Trees.CopyFixture(), "--for", "Lint"], machine.Environment);
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldMatch(@"yamllint 1\.35\.1 \(pinned in[^\n]*? +1\.35\.1 \(yamllint\) ");
    }

    [Fact]
    public void Doctor_for_Lint_finds_the_pinned_ruff_a_Lint_installed_and_says_where_the_missing_linters_come_from()
    {
        var environment = new FakeMachine().Environment;
        var cache = BuildScript.TempDirectory("cache-");
        environment["XDG_CACHE_HOME"] = cache;
        var ruff = Directory.CreateDirectory(Path.Combine(cache, "tvm-build", "npm",
            "@astral-sh+ruff-wasm-nodejs@0.12.3", "node_modules", "@astral-sh", "ruff-wasm-nodejs")).FullName;
        File.WriteAllText(Path.Combine(ruff, "package.json"), "{ \"version\": \"0.12.3\" }");

        var result = Run(["Doctor", "--tvm-home", Trees.CopyFixture(), "--for", "Lint"], environment);
        result.ExitCode.ShouldBe(0, result.ToString()); // all optional
        result.Output.ShouldMatch(@"ruff 0\.12\.3 \(pinned in \.pre-commit-config\.yaml\) +0\.12\.3 \(npm " +
                                  @"@astral-sh/ruff-wasm-nodejs, [^\n]*tvm-build/npm\)");
        result.Output.ShouldMatch(@"yamllint 1\.35\.1 \(pinned in[^\n]*? +MISSING \(optional\): apt-get install " +
                                  @"yamllint, or --docker ci_lint");
        result.Output.ShouldMatch(@"\n +yamllint +MISSING \(optional\): apt-get install yamllint, or --docker ci_lint");
        result.Output.ShouldNotContain("pre-commit-hooks"); // its checks are C#: nothing to install
        // dev/lint's @taplo/cli 0.7.0 (.ci/run installs it) is taplo 0.9.0, asked with node (none on this PATH)
        result.Output.ShouldNotMatch(@"taplo 0\.9\.3 \(pinned in[^\n]*? +0\.7\.0");
    }

    [Fact]
    public void With_docker_the_image_brings_the_tools_and_the_preset_and_this_machine_a_container_engine()
    {
        var tree = UsingWhatTvmUses(Trees.CopyFixture()); // tvm-ffi's dlpack is not checked out
        var machine = new FakeMachine(without: "cmake"); // no cmake, c++, llvm-config or libdnnl here
        var result = Run(["Doctor", "--tvm-home", tree, "--for", "Compile", "--docker", "ci_cpu"],
            machine.Environment);
        result.ExitCode.ShouldBe(255, result.ToString());
        result.Output.ShouldMatch(@"USE_LLVM: /usr/bin/llvm-config-17 \(15 to 22\) +the image's \(--docker ci_cpu\)");
        result.Output.ShouldMatch(@"c\+\+ compiler +the image's \(--docker ci_cpu\)");
        result.Output.ShouldContain("Missing: docker or podman (answering) (Compile); " +
            "3rdparty/tvm-ffi/3rdparty/dlpack (submodule) (Compile (via Configure)).");
        result.Output.ShouldContain("Hint: Install what the table says.");

        var docker = Path.Combine(machine.Bin, "docker"); // an engine that answers: only the submodule is missing
        File.WriteAllText(docker, "#!/bin/sh\necho 27.1.0\n");
        File.SetUnixFileMode(docker, (UnixFileMode)0b111_101_101);
        var answering = Run(["Doctor", "--tvm-home", tree, "--for", "Compile", "--docker", "ci_cpu"],
            machine.Environment);
        answering.Output.ShouldContain(
            "Missing: 3rdparty/tvm-ffi/3rdparty/dlpack (submodule) (Compile (via Configure)).");

        Write(tree, "cmake/modules/Logging.cmake", "if(USE_LIBBACKTRACE)\nendif()\n"); // a folder of the tree
        var backtrace = Run(["Doctor", "--tvm-home", tree, "--for", "Compile", "--docker", "ci_cpu",
            "--cmake-option", "USE_LIBBACKTRACE=ON"], machine.Environment);
        backtrace.Output.ShouldMatch(@"USE_LIBBACKTRACE: 3rdparty/libbacktrace \(submodule\) +MISSING: git submodule");

        var checkout = Run(["Doctor", "--tvm-home", tree, "--for", "Checkout", "--docker", "ci_cpu"],
            machine.Environment);
        checkout.Output.ShouldNotContain("docker or podman"); // Checkout runs git here, needing nothing of an image
    }

    [Fact]
    public void A_container_engine_counts_only_when_it_answers()
    {
        var machine = new FakeMachine();
        var docker = Path.Combine(machine.Bin, "docker");
        File.WriteAllText(docker,
            "#!/bin/sh\necho 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock.' >&2\nexit 1\n");
        File.SetUnixFileMode(docker, (UnixFileMode)0b111_101_101);
        var result = Run(["Doctor", "--for", "DevShell"], machine.Environment);
        result.ExitCode.ShouldBe(255, result.ToString());
        result.Output.ShouldContain("MISSING: apt-get install docker.io and start its daemon");
        result.Output.ShouldContain("Missing: docker or podman (answering) (DevShell).");
        result.Output.ShouldContain("Hint: Install what the table says, or run those targets with --docker.");
    }

    /// <summary>The fixture with the CMake that TVM's trees have: the root adds tvm-ffi, which names its dlpack, and
    /// names the 2022 layout's submodules; cmake/modules read USE_DNNL and USE_LLVM (the fixture's own CMake uses
    /// none of them).</summary>
    private static string UsingWhatTvmUses(string tree)
    {
        File.AppendAllText(Path.Combine(tree, "CMakeLists.txt"), "add_subdirectory(3rdparty/tvm-ffi)\n" +
            "include_directories(3rdparty/dlpack/include 3rdparty/dmlc-core/include 3rdparty/rang/include)\n");
        var ffi = Path.Combine(tree, "3rdparty", "tvm-ffi", "CMakeLists.txt");
        if (File.Exists(ffi)) File.AppendAllText(ffi, "include_directories(3rdparty/dlpack/include)\n");
        Write(tree, "cmake/modules/contrib/DNNL.cmake", "if(USE_DNNL)\nendif()\n");
        Write(tree, "cmake/modules/LLVM.cmake", "find_llvm(${USE_LLVM})\n");
        return tree;
    }

    private static void Write(string tree, string file, string text)
    {
        var path = Path.Combine(tree, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
