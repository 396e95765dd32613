using Serilog;
using TvmBuild.Engine;
using TvmBuild.Tools;

/// <summary>task_java_unittest.sh at TVM main: TVM4J (jvm/) built with Maven against the build's libraries, as
/// task_jvm_build.sh runs it, with its tests skipped (the script exits after the build, before its test run).</summary>
interface IJavaTest : ITest
{
    Target JavaTest => _ => _
        .Description("Builds TVM4J with Maven against the build's libraries (task_java_unittest.sh)")
        .Needs(Requirements.Maven)
        .DependsOn(Compile)
        .Executes(() =>
        {
            var jvm = TvmRoot / "jvm";
            if (!(jvm / "pom.xml").FileExists())
            {
                var failure = new BuildFailure($"{TvmRoot} has no jvm/pom.xml.",
                    "Point --tvm-home at a TVM tree with TVM4J.");
                if (!Runner.DryRun) throw failure;
                Log.Warning("{Failure}", failure.Message); // --dry-run still prints the command
            }
            var dlpack = TvmRoot / "3rdparty" / "tvm-ffi" / "3rdparty" / "dlpack" / "include";
            // task_jvm_build.sh's profile per OS; CI's images are Linux.
            var profile = Runner.InContainer || OperatingSystem.IsLinux() ? "linux-x86_64"
                : OperatingSystem.IsMacOS() ? "osx-x86_64" : "windows";
            var cxx = Environment.GetEnvironmentVariable("CXX");
            var compiler = !string.IsNullOrEmpty(cxx) && !Runner.InContainer ? cxx : "g++";
            var environment = new Dictionary<string, string?>
            {
                ["PYTHONPATH"] = TvmRoot / "python",
                ["LD_LIBRARY_PATH"] = BuildDirectory / "lib",
                ["TVM_BIND_THREADS"] = "0",
                ["OMP_NUM_THREADS"] = "1",
            };
            var mvn = Runner.DryRun ? "mvn"
                : Runner.Find("mvn", Packages.Hint("maven"));
            Runner.Run(new Command(mvn,
            [
                "clean", "package", $"-P{profile}", $"-Dcxx={compiler}",
                $"-Dcflags=-Wall -O3 -I{TvmRoot / "include"} -I{dlpack} -fPIC", "-Dldflags=",
                $"-Dcurrent_libdir={BuildDirectory}",
                "-DskipTests", "-Dcheckstyle.skip=true",
            ], jvm, environment));
        });
}
