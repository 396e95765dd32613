namespace TvmBuild.Ci;

/// <summary>CiTask --list: one line per task (name, TVM's name for it, where it runs, what it needs), then its
/// steps.</summary>
public static class CiListing
{
    public static void Print(CiCatalog catalog)
    {
        Console.Out.WriteLine(
            $"{"Task",-14} {"TVM stage",-22} {"CI",-8} {"Image",-8} {"Agent/runner",-15} {"Needs",-12} Runs on");
        foreach (var t in catalog.Tasks)
        {
            var tvm = t.Tvm is null ? "" : $"{t.Tvm.Pipeline}: \"{t.Tvm.Stage}\"";
            var runner = t.OnGitHub ? t.Runner ?? catalog.GithubRunner : null;
            var where = string.Join(", ", new[] { t.Agent, runner }.OfType<string>().Distinct());
            Console.Out.WriteLine($"{t.Name,-14} {tvm,-22} {string.Join("+", t.Ci),-8} {t.Image,-8} {where,-15} " +
                                  $"{string.Join(",", t.Needs),-12} {string.Join("/", t.On)}");
            foreach (var (step, index) in t.Steps.Select((s, i) => (s, i + 1)))
            {
                var tvmCalls = step.Tvm.Count == 0 ? "" : $"   ({string.Join(", ", step.Tvm)})";
                Console.Out.WriteLine($"  {index}. {string.Join(" ", t.Arguments(step, null))}{tvmCalls}");
            }
        }
    }
}
