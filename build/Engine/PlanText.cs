using System.Text;

namespace TvmBuild.Engine;

/// <summary><c>--plan</c> (the ordered plan as text) and <c>--plan mermaid</c> (a graph GitHub and editors
/// render).</summary>
internal static class PlanText
{
    public static string Render(IReadOnlyList<ExecutableTarget> plan, string format)
    {
        var text = new StringBuilder();
        switch (format.ToLowerInvariant())
        {
            case "" or "text":
                for (var i = 0; i < plan.Count; i++)
                {
                    var target = plan[i];
                    var after = target.AllDependencies.Where(plan.Contains).Select(d => d.Name).Distinct().ToList();
                    var invoked = target.Invoked ? " (invoked)" : "";
                    var runsAfter = after.Count > 0 ? $"  after {string.Join(", ", after)}" : "";
                    text.AppendLine($"{i + 1,3}. {target.Name}{invoked}{runsAfter}");
                }
                break;
            case "mermaid":
                text.AppendLine("graph TD");
                foreach (var target in plan)
                {
                    text.AppendLine($"  {target.Name}{(target.Invoked ? $"[\"{target.Name} (invoked)\"]" : "")}");
                    foreach (var dependency in target.ExecutionDependencies.Where(plan.Contains))
                        text.AppendLine($"  {dependency.Name} --> {target.Name}");
                    foreach (var dependency in target.OrderDependencies.Where(plan.Contains))
                        text.AppendLine($"  {dependency.Name} -.-> {target.Name}");
                    foreach (var trigger in target.TriggeredBy.Where(plan.Contains))
                        text.AppendLine($"  {trigger.Name} ==>|triggers| {target.Name}");
                }
                break;
            default:
                throw new BuildFailure($"Invalid value '{format}' for --plan.", "Allowed values: text, mermaid.");
        }
        return text.ToString();
    }
}
