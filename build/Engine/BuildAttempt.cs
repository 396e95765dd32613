using System.Security.Cryptography;
using System.Text;

namespace TvmBuild.Engine;

/// <summary><c>--continue</c>: <c>.nuke/temp/build-attempt.log</c> keeps a hash of the invocation and the targets that
/// succeeded; an identical rerun with --continue skips them.</summary>
internal sealed class BuildAttempt(AbsolutePath file, IEnumerable<string> arguments)
{
    private readonly string _hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Join("\0", arguments.Where(a => !string.Equals(a, "--continue", StringComparison.OrdinalIgnoreCase))))));

    public void SkipSucceeded(IEnumerable<ExecutableTarget> plan)
    {
        if (!file.FileExists()) return;
        var lines = File.ReadAllLines(file);
        if (lines.Length == 0 || lines[0] != _hash) return;
        var succeeded = lines.Skip(1).ToHashSet();
        foreach (var target in plan.Where(t => succeeded.Contains(t.Name) && t.Status != ExecutionStatus.Skipped))
        {
            target.Status = ExecutionStatus.Skipped;
            target.SkipReason = "succeeded in the previous attempt";
        }
    }

    public void Save(IEnumerable<ExecutableTarget> plan) =>
        file.WriteAllTextAtomically(string.Join("\n", plan
            .Where(t => t.Status == ExecutionStatus.Succeeded || t.SkipReason == "succeeded in the previous attempt")
            .Select(t => t.Name).Prepend(_hash)) + "\n");
}
