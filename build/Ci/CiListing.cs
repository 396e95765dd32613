using Spectre.Console;
using TvmBuild.Engine;

namespace TvmBuild.Ci;

/// <summary>CiTask --list: a row per task (name, TVM's name for it, where it runs, what it needs), then its
/// steps.</summary>
public static class CiListing
{
    public static void Print(CiCatalog catalog, bool plain)
    {
        var table = Tables.Create("Task", "TVM stage", "CI", "Image", "Agent/runner", "Needs", "Runs on");
        foreach (var t in catalog.Tasks)
        {
            var tvm = t.Tvm is null ? "" : $"{t.Tvm.Pipeline}: \"{t.Tvm.Stage}\"";
            var runner = t.OnGitHub ? t.Runner ?? catalog.GithubRunner : null;
            var where = string.Join(", ", new[] { t.Agent, runner }.OfType<string>().Distinct());
            table.AddRow(Tables.Cells(t.Name, tvm, string.Join("+", t.Ci), t.Image, where, string.Join(",", t.Needs),
                string.Join("/", t.On)));
        }
        Console.Out.WriteLine(Tables.Render(table, plain));
        foreach (var t in catalog.Tasks)
        {
            Console.Out.WriteLine($"{t.Name}:");
            foreach (var (step, index) in t.Steps.Select((s, i) => (s, i + 1)))
            {
                var tvmCalls = step.Tvm.Count == 0 ? "" : $"   ({string.Join(", ", step.Tvm)})";
                Console.Out.WriteLine($"  {index}. {string.Join(" ", t.Arguments(step, null))}{tvmCalls}");
            }
        }
    }
}
