using TvmBuild.Engine;

namespace TvmBuild.Docs;

/// <summary>The bash, zsh and PowerShell completions. Before the first option they offer targets; after an option, its
/// values (a list option keeps offering them), or nothing when none are known, never target names. The values that
/// differ between TVM trees are asked of the build (<c>--complete name</c>, with the --tvm-home on the line or
/// TVM_HOME); build.sh answers only when compiled and current, else the script offers every layout's.</summary>
public static class Completions
{
    public static string Bash(Reference.Data data, string header)
    {
        var cases = string.Concat(WithValues(data).Select(p => data.FromTree.Contains(p.CliName)
            ? $"    {p.CliName}) values=$(_tvm_build_ask {Name(p)}) || values=\"{Words(data.ValuesOf(p))}\" ;;\n"
            : $"    {p.CliName}) values=\"{Words(data.ValuesOf(p))}\" ;;\n"));
        return $$"""
            # {{header}}
            # bash completion for tvm-build: source dev/completion/tvm-build.bash (e.g. from ~/.bashrc).
            # Asks the build for the values of the TVM tree (--tvm-home on the line, else TVM_HOME).
            _tvm_build_ask() {
              local i tree=()
              for ((i = 1; i < COMP_CWORD - 1; i++)); do
                [[ ${COMP_WORDS[i]} == --tvm-home ]] && tree=(--tvm-home "${COMP_WORDS[i+1]/#\~/$HOME}")
              done
              "${COMP_WORDS[0]/#\~/$HOME}" --complete "$1" "${tree[@]}" 2>/dev/null
            }
            _tvm_build() {
              local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" option="" values i
              local targets="{{Words(data.Listed.Select(t => t.Name))}}"
              local parameters="{{Words(data.ListedParameters.Select(p => p.CliName))}}"
              local lists="{{Words(Lists(data))}}"
              for ((i = COMP_CWORD - 1; i > 0; i--)); do
                if [[ ${COMP_WORDS[i]} == -* ]]; then option=${COMP_WORDS[i]}; break; fi
              done
              COMPREPLY=()
              if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$parameters" -- "$cur")); return; fi
              if [[ -z "$option" ]]; then COMPREPLY=($(compgen -W "$targets" -- "$cur")); return; fi
              # A value: right after its option, or a further one of an option that takes several.
              [[ "$prev" == "$option" || " $lists " == *" $option "* ]] || return
              case "$option" in
            {{cases}}    {{string.Join("|", Paths(data))}}) COMPREPLY=($(compgen -d -- "$cur")); return ;;
                *) return ;;
              esac
              COMPREPLY=($(compgen -W "$values" -- "$cur"))
            }
            complete -F _tvm_build build.sh ./build.sh build.cmd ./build.cmd

            """;
    }

    public static string Zsh(Reference.Data data, string header)
    {
        var cases = string.Concat(WithValues(data).Select(p => data.FromTree.Contains(p.CliName)
            ? $"    {p.CliName}) values=(${{(f)\"$(_tvm_build_ask {Name(p)})\"}}) || " +
              $"values=({Words(data.ValuesOf(p))}) ;;\n"
            : $"    {p.CliName}) values=({Words(data.ValuesOf(p))}) ;;\n"));
        return $$"""
            #compdef build.sh ./build.sh build.cmd ./build.cmd
            # {{header}}
            # zsh completion for tvm-build: put this folder on $fpath, or source this file after compinit.
            # Asks the build for the values of the TVM tree (--tvm-home on the line, else TVM_HOME).
            _tvm_build_ask() {
              local i; local -a tree
              for ((i = 2; i < CURRENT - 1; i++)); do
                [[ ${words[i]} == --tvm-home ]] && tree=(--tvm-home "${words[i+1]/#\~/$HOME}")
              done
              "${words[1]/#\~/$HOME}" --complete "$1" $tree 2>/dev/null
            }
            _tvm_build() {
              local -a targets=({{Words(data.Listed.Select(t => t.Name))}})
              local -a parameters=({{Words(data.ListedParameters.Select(p => p.CliName))}})
              local -a lists=({{Words(Lists(data))}})
              local -a values; local option= i
              for ((i = CURRENT - 1; i > 1; i--)); do
                if [[ ${words[i]} == -* ]]; then option=${words[i]}; break; fi
              done
              if [[ $PREFIX == -* ]]; then compadd -- $parameters; return; fi
              if [[ -z $option ]]; then compadd -- $targets; return; fi
              [[ ${words[CURRENT-1]} == $option || ${lists[(Ie)$option]} -gt 0 ]] || return 1
              case $option in
            {{cases}}    {{string.Join("|", Paths(data))}}) _files -/; return ;;
                *) return 1 ;;
              esac
              compadd -- $values
            }
            compdef _tvm_build build.sh ./build.sh build.cmd ./build.cmd

            """;
    }

    public static string PowerShell(Reference.Data data, string header)
    {
        var values = string.Concat(WithValues(data).Select(p => $"  '{p.CliName}' = @({Quoted(data.ValuesOf(p))})\n"));
        return $$"""
            # {{header}}
            # PowerShell completion for tvm-build: . dev/completion/tvm-build.ps1 (e.g. from $PROFILE).
            $script:TvmBuildTargets = @({{Quoted(data.Listed.Select(t => t.Name))}})
            $script:TvmBuildParameters = @({{Quoted(data.ListedParameters.Select(p => p.CliName))}})
            $script:TvmBuildLists = @({{Quoted(Lists(data))}})
            $script:TvmBuildFromTree = @({{Quoted(data.FromTree)}})
            $script:TvmBuildValues = @{
            {{values}}}
            Register-ArgumentCompleter -Native `
              -CommandName 'build.ps1', './build.ps1', 'build.cmd', './build.cmd' -ScriptBlock {
              param($wordToComplete, $commandAst, $cursorPosition)
              $words = @($commandAst.CommandElements | ForEach-Object { $_.ToString() })
              $count = if ($wordToComplete) { $words.Count - 1 } else { $words.Count }  # the words before this one
              $option = $null
              for ($i = $count - 1; $i -gt 0; $i--) { if ($words[$i] -like '-*') { $option = $words[$i]; break } }
              $candidates = if ($wordToComplete -like '-*') { $script:TvmBuildParameters }
                elseif (-not $option) { $script:TvmBuildTargets }
                elseif ($words[$count - 1] -ne $option -and $script:TvmBuildLists -notcontains $option) { @() }
                elseif ($script:TvmBuildFromTree -contains $option) {
                  # The values of the TVM tree (--tvm-home on the line, else TVM_HOME), asked of the build.
                  $tree = @()
                  for ($i = 1; $i -lt $count - 1; $i++) {
                    if ($words[$i] -eq '--tvm-home') { $tree = @('--tvm-home', $words[$i + 1]) }
                  }
                  $answer = @(& $words[0] --complete $option.TrimStart('-') @tree 2>$null)
                  if ($LASTEXITCODE -eq 0) { $answer } else { $script:TvmBuildValues[$option] } }
                elseif ($script:TvmBuildValues.ContainsKey($option)) { $script:TvmBuildValues[$option] }
                else { @() }
              $candidates | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
                [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_) }
            }

            """;
    }

    private static string Words(IEnumerable<string>? words) => string.Join(" ", words ?? []);
    private static string Quoted(IEnumerable<string>? words) => string.Join(", ", (words ?? []).Select(w => $"'{w}'"));
    private static string Name(ParameterInfo p) => p.CliName[2..];

    /// <summary>Options that take several values.</summary>
    private static IEnumerable<string> Lists(Reference.Data data) =>
        data.ListedParameters.Where(p => ParameterService.Underlying(p.Type).IsArray).Select(p => p.CliName);

    private static IEnumerable<string> Paths(Reference.Data data) =>
        data.ListedParameters.Where(p => ParameterHelp.TypeName(p).Contains("path")).Select(p => p.CliName);

    private static IEnumerable<ParameterInfo> WithValues(Reference.Data data) =>
        data.ListedParameters.Where(p => data.ValuesOf(p) is not null || data.FromTree.Contains(p.CliName));
}
