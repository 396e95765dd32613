using System.Text;
using TvmBuild.Engine;

namespace TvmBuild.Docs;

/// <summary>docs/reference.md (and, in <see cref="Completions"/>, the shell completions), generated from the build
/// itself (targets, parameters, the values completion offers), so they cannot drift: GenerateDocs --check
/// compares.</summary>
public static class Reference
{
    /// <param name="Values">What completion offers after a parameter, for any tree (null: nothing known).</param>
    /// <param name="FromTree">Parameters whose values the completion asks of the build for the tree at hand.</param>
    public sealed record Data(IReadOnlyList<ExecutableTarget> Targets, IReadOnlyList<ParameterInfo> Parameters,
        Func<ParameterInfo, string?> Default, Func<ParameterInfo, IReadOnlyList<string>?> Values,
        IReadOnlyList<string> FromTree)
    {
        public IEnumerable<ExecutableTarget> Listed => Targets.Where(t => t.Listed);
        public IEnumerable<ParameterInfo> ListedParameters =>
            Parameters.Where(p => p.Attribute.List).OrderBy(p => p.CliName, StringComparer.Ordinal);

        public IReadOnlyList<string>? ValuesOf(ParameterInfo p) => Values(p) is { Count: > 0 } values ? values : null;

        /// <summary>Values worth a line in the reference: not already in the type (an enum's), not target
        /// names.</summary>
        public IReadOnlyList<string>? DocumentedValues(ParameterInfo p) =>
            p.AllowedValues is null && ValuesOf(p) is { } values && !values.SequenceEqual(Listed.Select(t => t.Name))
                ? values : null;
    }

    public static string Markdown(Data data, string header)
    {
        var md = new StringBuilder();
        md.AppendLine($"<!-- {header} -->");
        md.AppendLine("# Reference: targets and parameters");
        md.AppendLine();
        md.AppendLine("Every target and parameter of `./build.sh`, generated from the build " +
                      "(`./build.sh --help` shows the same).");
        md.AppendLine("Parameters come from the command line, then the environment variable, " +
                      "then `.nuke/parameters.json` (and profiles).");
        md.AppendLine();
        md.AppendLine("## Targets");
        md.AppendLine();
        md.AppendLine("| Target | Depends on | What it does |");
        md.AppendLine("|---|---|---|");
        foreach (var target in data.Listed)
        {
            var dependencies = string.Join(", ", target.ExecutionDependencies.Select(d => $"`{d.Name}`"));
            md.AppendLine($"| `{target.Name}`{(target.IsDefault ? " (default)" : "")} | {dependencies} | " +
                          $"{Cell(target.Description ?? "")} |");
        }
        md.AppendLine();
        md.AppendLine("## Parameters");
        md.AppendLine();
        md.AppendLine("| Parameter | Value | Default | Environment | What it does |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var p in data.ListedParameters)
        {
            var fromTree = data.FromTree.Contains(p.CliName) ? " (completion offers the tree's own)" : "";
            var values = data.DocumentedValues(p) is { } shown
                ? $"{ParameterHelp.TypeName(p)}: {string.Join(", ", shown)}{fromTree}" : ParameterHelp.TypeName(p);
            var environment = p.IsBuiltIn ? "" : $"`{p.EnvName}`";
            md.AppendLine($"| `{p.CliName}` | {Cell(values)} | {Cell(data.Default(p) ?? "")} | {environment} | " +
                          $"{Cell(p.Attribute.Description ?? "")} |");
        }
        return md.ToString();
    }

    private static string Cell(string text) =>
        text.Replace("|", "\\|").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\n", " ");
}
