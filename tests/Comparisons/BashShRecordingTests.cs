using Shouldly;
using TvmBuild.Tests.Support;
using Xunit;
using static TvmBuild.Tests.Support.InProcessBuild;

namespace TvmBuild.Tests.Comparisons;

/// <summary>DevShell's docker argv equals what docker/bash.sh --dry-run printed at main and v0.9.0 (the recording),
/// case by case and in order. Runs in every CI run; with TVM_HOME the recording itself is checked against
/// the tree.</summary>
[Collection(nameof(InProcessCollection))]
public class BashShRecordingTests
{
    public static TheoryData<string> Layouts => new(Recordings.Layouts);

    [Theory]
    [MemberData(nameof(Layouts))]
    public void DevShell_argv_equals_the_recorded_bash_sh_argv_in_order(string layout)
    {
        var recording = Recordings.Read($"bash-sh.{layout}.json");
        var images = recording.GetProperty("images").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString()!);
        var tree = Recordings.FixtureOf(layout, images);
        var data = TempDirectory();
        var home = TempDirectory();
        var identity = Identity();
        string Fill(string text)
        {
            text = text.Replace("{DATA}", data).Replace("{REPO}", tree);
            foreach (var (key, value) in identity) text = text.Replace($"{{{key}}}", value);
            return text;
        }
        var cases = Recordings.Read("bash-sh.cases.json").GetProperty("cases").EnumerateArray()
            .Where(c => !c.TryGetProperty("layouts", out var only) || Recordings.Strings(only).Contains(layout))
            .ToList();
        cases.Count.ShouldBe(recording.GetProperty("argv").EnumerateObject().Count(), "every case is recorded");
        foreach (var @case in cases)
        {
            var name = @case.GetProperty("name").GetString()!;
            var expected = Recordings.Strings(recording.GetProperty("argv").GetProperty(name)).Select(Fill).ToList();
            var environment = new FakeDocker().Environment(new() { ["CI"] = "1", ["HOME"] = home });
            if (@case.TryGetProperty("environment", out var variables))
                foreach (var variable in variables.EnumerateObject())
                    environment[variable.Name] = Fill(variable.Value.GetString()!);
            var ours = Recordings.Strings(@case.GetProperty("ours")).Select(Fill).ToList();
            var result = Run(["DevShell", "--tvm-home", tree, "--dry-run", "--no-logo", .. ours], environment);
            result.ExitCode.ShouldBe(0, result.ToString());
            var line = result.Output.Split('\n')
                .First(l => l.StartsWith("docker run ") || l.StartsWith("nvidia-docker run "));
            var actual = Recordings.ShellWords(line);
            var cid = actual.IndexOf("--cidfile");
            if (cid >= 0) actual.RemoveRange(cid, 2); // our bookkeeping, so Ctrl-C can remove the container
            actual.ShouldBe(expected, $"{layout} case {name}\n" +
                $"  bash.sh: {string.Join(" ", expected)}\n  ours:    {string.Join(" ", actual)}");
        }
    }

    [RealTvmFact]
    public void The_recording_is_what_the_trees_scripts_print_today()
    {
        var output = TempDirectory();
        var (code, text) = Processes.Run(Path.Combine(Recordings.Folder, "record.py"), ["--output", output]);
        code.ShouldBe(0, text);
        foreach (var file in Directory.GetFiles(output))
            File.ReadAllText(file).ShouldBe(File.ReadAllText(Path.Combine(Recordings.Folder, Path.GetFileName(file))),
                $"{Path.GetFileName(file)} is stale: re-record with TVM_HOME=<tree> tests/Recordings/record.py " +
                "and review the diff");
    }

    private static Dictionary<string, string> Identity()
    {
        string Id(params string[] args) => Processes.Run("id", args).Output.Trim();
        return new() { ["USER"] = Id("-u", "-n"), ["UID"] = Id("-u"), ["GROUP"] = Id("-g", "-n"), ["GID"] = Id("-g") };
    }
}
