using System.Text;
using TvmBuild.Engine;

namespace TvmBuild.Docs;

/// <summary>docs/reference.md and the shell completions, generated from the build itself (targets, parameters,
/// allowed values, presets, image shortcuts), so they cannot drift: GenerateDocs --check compares.</summary>
public static class Reference
{
    public sealed record Data(IReadOnlyList<ExecutableTarget> Targets, IReadOnlyList<ParameterInfo> Parameters,
        Func<ParameterInfo, string?> Default, IReadOnlyList<string> Presets, IReadOnlyList<string> Images)
    {
        public IEnumerable<ExecutableTarget> Listed => Targets.Where(t => t.Listed);
        public IEnumerable<ParameterInfo> ListedParameters => Parameters.Where(p => p.Attribute.List).OrderBy(p => p.CliName, StringComparer.Ordinal);

        public IReadOnlyList<string>? ValuesOf(ParameterInfo p) => p.CliName switch
        {
            "--preset" => Presets,
            "--docker" => Images,
            _ => p.AllowedValues,
        };
    }

    public static string Markdown(Data data, string header)
    {
        var md = new StringBuilder();
        md.AppendLine($"<!-- {header} -->");
        md.AppendLine("# Reference: targets and parameters");
        md.AppendLine();
        md.AppendLine("Every target and parameter of `./build.sh`, generated from the build (`./build.sh --help` shows the same).");
        md.AppendLine("Parameters come from the command line, then the environment variable, then `.nuke/parameters.json` (and profiles).");
        md.AppendLine();
        md.AppendLine("## Targets");
        md.AppendLine();
        md.AppendLine("| Target | Depends on | What it does |");
        md.AppendLine("|---|---|---|");
        foreach (var t in data.Listed)
            md.AppendLine($"| `{t.Name}`{(t.IsDefault ? " (default)" : "")} | {string.Join(", ", t.ExecutionDependencies.Select(d => $"`{d.Name}`"))} | {Cell(t.Description ?? "")} |");
        md.AppendLine();
        md.AppendLine("## Parameters");
        md.AppendLine();
        md.AppendLine("| Parameter | Value | Default | Environment | What it does |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var p in data.ListedParameters)
        {
            var values = data.ValuesOf(p) is { } allowed && p.CliName is "--preset" or "--docker" ? $"{ParameterHelp.TypeName(p)}: {string.Join(", ", allowed)}" : ParameterHelp.TypeName(p);
            md.AppendLine($"| `{p.CliName}` | {Cell(values)} | {Cell(data.Default(p) ?? "")} | {(p.IsBuiltIn ? "" : $"`{p.EnvName}`")} | {Cell(p.Attribute.Description ?? "")} |");
        }
        return md.ToString();
    }

    public static string Bash(Data data, string header)
    {
        var sh = new StringBuilder();
        sh.AppendLine($"# {header}");
        sh.AppendLine("# bash completion for tvm-build: source dev/completion/tvm-build.bash (e.g. from ~/.bashrc).");
        sh.AppendLine("_tvm_build() {");
        sh.AppendLine("  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"");
        sh.AppendLine($"  local targets=\"{string.Join(" ", data.Listed.Select(t => t.Name))}\"");
        sh.AppendLine($"  local parameters=\"{string.Join(" ", data.ListedParameters.Select(p => p.CliName))}\"");
        sh.AppendLine("  case \"$prev\" in");
        foreach (var p in data.ListedParameters.Where(p => data.ValuesOf(p) is not null))
            sh.AppendLine($"    {p.CliName}) COMPREPLY=($(compgen -W \"{string.Join(" ", data.ValuesOf(p)!)}\" -- \"$cur\")); return ;;");
        sh.AppendLine($"    {string.Join("|", data.ListedParameters.Where(p => ParameterHelp.TypeName(p).Contains("path")).Select(p => p.CliName))}) COMPREPLY=($(compgen -d -- \"$cur\")); return ;;");
        sh.AppendLine("  esac");
        sh.AppendLine("  if [[ \"$cur\" == -* ]]; then COMPREPLY=($(compgen -W \"$parameters\" -- \"$cur\"));");
        sh.AppendLine("  else COMPREPLY=($(compgen -W \"$targets\" -- \"$cur\")); fi");
        sh.AppendLine("}");
        sh.AppendLine("complete -F _tvm_build build.sh ./build.sh build.cmd ./build.cmd");
        return sh.ToString();
    }

    public static string Zsh(Data data, string header)
    {
        var z = new StringBuilder();
        z.AppendLine("#compdef build.sh ./build.sh build.cmd ./build.cmd");
        z.AppendLine($"# {header}");
        z.AppendLine("# zsh completion for tvm-build: put this folder on $fpath, or source this file after compinit.");
        z.AppendLine("_tvm_build() {");
        z.AppendLine($"  local -a targets=({string.Join(" ", data.Listed.Select(t => t.Name))})");
        z.AppendLine($"  local -a parameters=({string.Join(" ", data.ListedParameters.Select(p => p.CliName))})");
        z.AppendLine("  case ${words[CURRENT-1]} in");
        foreach (var p in data.ListedParameters.Where(p => data.ValuesOf(p) is not null))
            z.AppendLine($"    {p.CliName}) compadd -- {string.Join(" ", data.ValuesOf(p)!)}; return ;;");
        z.AppendLine($"    {string.Join("|", data.ListedParameters.Where(p => ParameterHelp.TypeName(p).Contains("path")).Select(p => p.CliName))}) _files -/; return ;;");
        z.AppendLine("  esac");
        z.AppendLine("  if [[ $PREFIX == -* ]]; then compadd -- $parameters; else compadd -- $targets; fi");
        z.AppendLine("}");
        z.AppendLine("compdef _tvm_build build.sh ./build.sh build.cmd ./build.cmd");
        return z.ToString();
    }

    public static string PowerShell(Data data, string header)
    {
        var ps = new StringBuilder();
        ps.AppendLine($"# {header}");
        ps.AppendLine("# PowerShell completion for tvm-build: . dev/completion/tvm-build.ps1 (e.g. from $PROFILE).");
        ps.AppendLine($"$script:TvmBuildTargets = @({string.Join(", ", data.Listed.Select(t => $"'{t.Name}'"))})");
        ps.AppendLine($"$script:TvmBuildParameters = @({string.Join(", ", data.ListedParameters.Select(p => $"'{p.CliName}'"))})");
        ps.AppendLine("$script:TvmBuildValues = @{");
        foreach (var p in data.ListedParameters.Where(p => data.ValuesOf(p) is not null))
            ps.AppendLine($"  '{p.CliName}' = @({string.Join(", ", data.ValuesOf(p)!.Select(v => $"'{v}'"))})");
        ps.AppendLine("}");
        ps.AppendLine("Register-ArgumentCompleter -Native -CommandName 'build.ps1', './build.ps1', 'build.cmd', './build.cmd' -ScriptBlock {");
        ps.AppendLine("  param($wordToComplete, $commandAst, $cursorPosition)");
        ps.AppendLine("  $words = @($commandAst.CommandElements | ForEach-Object { $_.ToString() })");
        ps.AppendLine("  $previous = if ($wordToComplete) { $words[-2] } else { $words[-1] }");
        ps.AppendLine("  $candidates = if ($script:TvmBuildValues.ContainsKey($previous)) { $script:TvmBuildValues[$previous] }");
        ps.AppendLine("    elseif ($wordToComplete -like '-*') { $script:TvmBuildParameters } else { $script:TvmBuildTargets }");
        ps.AppendLine("  $candidates | Where-Object { $_ -like \"$wordToComplete*\" } | ForEach-Object {");
        ps.AppendLine("    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_) }");
        ps.AppendLine("}");
        return ps.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\n", " ");
}
