#!/usr/bin/env bash
# Bootstrap for tvm-build (the C# build in build/). Same steps as build.ps1:
# find dotnet, rebuild the build project only when its sources changed, then run it with all arguments.
set -eo pipefail

# The script's folder without a subshell (every process counts on a warm start).
case "${BASH_SOURCE[0]}" in
  */*) CDPATH='' cd "${BASH_SOURCE[0]%/*}"; SCRIPT_DIR=$PWD; cd "$OLDPWD" ;;
  *) SCRIPT_DIR=$PWD ;;
esac
PROJECT="$SCRIPT_DIR/build/_build.csproj"
TEMP_DIR="$SCRIPT_DIR/.nuke/temp"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [[ -n "$DOTNET_EXE" && -x "$DOTNET_EXE" ]]; then :
elif DOTNET_EXE=$(command -v dotnet 2>/dev/null); then :
elif [[ -x "$HOME/.dotnet/dotnet" ]]; then DOTNET_EXE="$HOME/.dotnet/dotnet"
else
  echo "error: the .NET SDK (dotnet, version 10) was not found in DOTNET_EXE, on PATH or in ~/.dotnet." >&2
  echo "hint: install it with 'apt-get install dotnet-sdk-10.0' (Microsoft's Debian feed) or see https://learn.microsoft.com/dotnet/core/install/linux, then run this again." >&2
  exit 1
fi
export DOTNET_EXE

# A fingerprint of what the compiled build depends on (each file's path, size and modification time in seconds: an
# edit, a checkout, a new or deleted file all change it), as build.ps1 computes it too. Three processes, no reading
# of the files: the warm start pays a few ms for it.
sources_hash() {
  find "$SCRIPT_DIR/build" \( -path "$SCRIPT_DIR/build/bin" -o -path "$SCRIPT_DIR/build/obj" \) -prune -o -type f \
      \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' -o -name '*.yaml' \) \
      -printf '%P %s %Ts\n' | LC_ALL=C sort | cksum
}

# The build, published ReadyToRun (compiled ahead to native code: a warm start spends no time in the JIT) into a
# folder named after the fingerprint. A publish goes to a fresh folder first and is renamed into place when complete,
# so a build that is running or starting never sees half of one; the folder's existence is the stamp. build.ps1 uses
# the same folders and the same lock.
hash=$(sources_hash)
OUTPUT="$SCRIPT_DIR/build/bin/run-${hash// /-}"
if [[ ! -f "$OUTPUT/_build.dll" ]]; then
  # Shell completion asks with --complete while the user types: it never waits for a compile (it has its own values).
  [[ "${1-}" == --complete ]] && exit 1
  # Said at once, before any wait: the compile takes a while and prints nothing.
  if compgen -G "$SCRIPT_DIR/build/bin/run*/_build.dll" >/dev/null; then
    echo "compiling the build project (build/ changed): ~10 s" >&2
  else echo "compiling the build project, first run: ~20 s" >&2; fi
  mkdir -p "$TEMP_DIR"
  exec 9>"$TEMP_DIR/build.lock"
  flock 9  # two builds started at once compile once
  if [[ ! -f "$OUTPUT/_build.dll" ]]; then
    fresh="$OUTPUT.new-$$"
    rm -rf "$fresh"
    # Ctrl-C reaches dotnet too, which cancels and exits 1: that is an interruption, not a compile error.
    # MSBuild's own note catches the case where only dotnet saw it.
    interrupted='' status=0
    trap 'interrupted=1' INT
    # Analyzers cost a quarter of the compile and change nothing a run does; the test build (dotnet test, CI) still
    # runs them. ReadyToRun costs the compile a few seconds (and the first run the runtime packs) and saves every warm
    # start about a third of its CPU time (tests/bench/cpu.sh).
    "$DOTNET_EXE" publish "$PROJECT" -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true \
      -o "$fresh" -nologo -v quiet -clp:NoSummary -p:RunAnalyzers=false >"$TEMP_DIR/compile.log" 2>&1 || status=$?
    trap - INT
    if [[ -n "$interrupted" ]] || ((status != 0)); then rm -rf "$fresh"; fi
    if ((status != 0)) && grep -q '^Attempting to cancel the build' "$TEMP_DIR/compile.log"; then interrupted=1; fi
    if [[ -n "$interrupted" ]]; then
      echo "interrupted: the build project was not compiled" >&2
      exit 130
    fi
    if ((status != 0)); then
      echo "error: the build project failed to compile:" >&2
      # MSBuild's diagnostics ("file(1,2): error CS1525: ...", "x.csproj : error NU1101: ...") once each, in order;
      # without any, the log less its summary ("0 Error(s)").
      summary='^ *[0-9]+ (Warning|Error)\(s\)$|^Build FAILED\.$|^Time Elapsed|^ *$'
      grep -E ': (fatal )?error( [A-Za-z]+[0-9]+)?:' "$TEMP_DIR/compile.log" | awk '!seen[$0]++' >&2 ||
        grep -vE "$summary" "$TEMP_DIR/compile.log" >&2 || true
      exit 1
    fi
    mv "$fresh" "$OUTPUT"
    # The builds of earlier sources go (a process still running one keeps its open files).
    for old in "$SCRIPT_DIR"/build/bin/run "$SCRIPT_DIR"/build/bin/run-*; do
      [[ "$old" == "$OUTPUT" ]] || rm -rf "$old"
    done
  fi
  exec 9>&-
fi

exec "$DOTNET_EXE" "$OUTPUT/_build.dll" "$@"
