using System.Text.RegularExpressions;

namespace TvmBuild.Bisect;

/// <summary>What <c>git bisect run</c> concluded, read from <c>git bisect log</c> (one <c>git bisect good|bad|skip</c>
/// line per step) and, when only skipped commits were left, from its output.</summary>
public sealed partial record BisectOutcome(string? FirstBad, IReadOnlyList<string> Candidates, int Steps, int Skipped,
    int Good)
{
    public static BisectOutcome Read(string log, string output)
    {
        var lines = log.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var first = lines.Select(l => FirstBadLine().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value;
        var candidates = output.Split('\n').Select(l => l.Trim())
            .SkipWhile(l => !l.EndsWith("could be any of:")).Skip(1)
            .TakeWhile(l => CommitLine().IsMatch(l)).ToList();
        return new(first, candidates, lines.Count(l => StepLine().IsMatch(l)),
            lines.Count(l => l.StartsWith("git bisect skip ")), lines.Count(l => l.StartsWith("git bisect good ")));
    }

    [GeneratedRegex(@"^# first bad commit: \[([0-9a-f]{40,64})\]")]
    private static partial Regex FirstBadLine();

    [GeneratedRegex(@"^git bisect (good|bad|skip) ")]
    private static partial Regex StepLine();

    [GeneratedRegex(@"^[0-9a-f]{40,64}$")]
    private static partial Regex CommitLine();
}
