using System.Diagnostics;
using System.Text;
using Shouldly;
using TvmBuild.Tests.Support;
using static TvmBuild.Tests.Support.BuildScript;

namespace TvmBuild.Tests.EndToEnd;

/// <summary>DevShell's docker argv against the real docker/bash.sh --dry-run of the tree in TVM_HOME (main or v0.9.0),
/// case by case, order of flags aside. Both see the same fake docker CLI and CI=1 (images from the tree's files).</summary>
public class BashShComparisonTests
{
    private static string Tvm => System.Environment.GetEnvironmentVariable("TVM_HOME")!;
    private static bool IsMain => Directory.Exists(Path.Combine(Tvm, "3rdparty", "tvm-ffi"));

    [RealTvmFact]
    public void DevShell_argv_equals_bash_sh_case_by_case()
    {
        var data = TempDirectory();
        var cases = new List<(string[] BashSh, string[] Ours)>
        {
            (["ci_cpu", "--", "echo", "hi"], ["--docker", "ci_cpu", "--", "echo", "hi"]),
            (["-i", "-t", "ci_gpu"], ["--docker", "ci_gpu", "--interactive", "--tty"]),
            (["ci_gpu", "--no-gpu", "--", "nvidia-smi"], ["--docker", "ci_gpu", "--no-gpu", "--", "nvidia-smi"]),
            (["--net=host", "--name", "foo", "--env", "FOO=bar", "--env", "BAZ=qux", "--mount", data, "--repo-mount-point", "/work", "ci_cpu", "--", "make", "-j2"],
             ["--docker", "ci_cpu", "--net", "host", "--container-name", "foo", "--env", "FOO=bar", "BAZ=qux", "--mount", data, "--repo-mount-point", "/work", "--", "make", "-j2"]),
            (["tlcpack/ci-cpu:v0.1", "--", "true"], ["--docker", "tlcpack/ci-cpu:v0.1", "--", "true"]),
        };
        if (IsMain)
            cases.Add((["--privileged", "--build-dir", "build-x", "--cpus", "2", "--shell", "zsh", "--volume", "/a:/b", "ci_cpu"],
                       ["--docker", "ci_cpu", "--privileged", "--build-dir", "build-x", "--cpus", "2", "--shell", "zsh", "--volume", "/a:/b"]));
        foreach (var environment in new[] { new Dictionary<string, string?>(), new() { ["JENKINS_HOME"] = "/var/jenkins", ["CUDA_VISIBLE_DEVICES"] = "0", ["CI_PYTEST_ADD_OPTIONS"] = "-x" } })
            foreach (var (bashSh, ours) in cases)
            {
                var expected = BashShArgv(bashSh, environment);
                var actual = OurArgv(ours, environment);
                actual.Order().ShouldBe(expected.Order(), $"bash.sh {string.Join(" ", bashSh)}\n  bash.sh: {string.Join(" ", expected)}\n  ours:    {string.Join(" ", actual)}");
            }
    }

    private static Dictionary<string, string?> Env(Dictionary<string, string?> extra)
    {
        var docker = new FakeDocker().Environment(extra);
        docker["CI"] = "1";
        return docker;
    }

    private static List<string> BashShArgv(string[] args, Dictionary<string, string?> extra)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Tvm };
        info.ArgumentList.Add(Path.Combine(Tvm, "docker", "bash.sh"));
        info.ArgumentList.Add("--dry-run");
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (key, value) in Env(extra)) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        // bash.sh --dry-run echoes the argv unquoted as its last line.
        return output.TrimEnd().Split('\n').Last().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
    }

    private static List<string> OurArgv(string[] args, Dictionary<string, string?> extra)
    {
        var result = Run(["DevShell", "--tvm-home", Tvm, "--dry-run", "--no-logo", .. args], Env(extra));
        result.ExitCode.ShouldBe(0, result.ToString());
        var line = result.Output.Split('\n').First(l => l.StartsWith("docker run ") || l.StartsWith("nvidia-docker run "));
        var argv = ShellSplit(line).Skip(2).ToList();
        var cid = argv.IndexOf("--cidfile");
        if (cid >= 0) argv.RemoveRange(cid, 2);
        return argv;
    }

    private static List<string> ShellSplit(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        var inWord = false;
        foreach (var c in line.TrimEnd())
        {
            if (c == '\'') { quoted = !quoted; inWord = true; }
            else if (c == ' ' && !quoted) { if (inWord) words.Add(word.ToString()); word.Clear(); inWord = false; }
            else if (c == '"' && !quoted) inWord = true; // only from '"'"' escapes
            else { word.Append(c); inWord = true; }
        }
        if (inWord) words.Add(word.ToString());
        return words;
    }
}
