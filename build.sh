#!/usr/bin/env bash
# Bootstrap for tvm-build (the C# build in build/). Same steps as build.ps1: run the native build of these sources
# if there is one; else find dotnet, rebuild the build project only when its sources changed, run it with all
# arguments, and compile the native build in the background for the runs after this one.
set -eo pipefail

# The script's folder without a subshell (every process counts on a warm start).
case "${BASH_SOURCE[0]}" in
  */*) CDPATH='' cd "${BASH_SOURCE[0]%/*}"; SCRIPT_DIR=$PWD; cd "$OLDPWD" ;;
  *) SCRIPT_DIR=$PWD ;;
esac
PROJECT="$SCRIPT_DIR/build/_build.csproj"
TEMP_DIR="$SCRIPT_DIR/.nuke/temp"

# The native build (below), started before anything else: it checks in-process that build/ is still what it was
# compiled from (the fingerprint below, without three processes to compute it) and hands back to this script, with
# TVM_BUILD_BOOTSTRAP_STALE=1, when it is not. TVM_BUILD_BOOTSTRAP=dotnet keeps to the dotnet build; =native compiles
# the native build first, in the foreground. (TVM_BUILD_<NAME> is otherwise a parameter: no parameter is "Bootstrap".)
if [[ "${TVM_BUILD_BOOTSTRAP-}" != dotnet && -z "${TVM_BUILD_BOOTSTRAP_STALE-}" ]]; then
  for native in "$SCRIPT_DIR"/build/bin/native-*/_build; do
    [[ "$native" != *.new-*/_build && -x "$native" ]] && TVM_BUILD_BOOTSTRAP_SOURCES=$SCRIPT_DIR exec "$native" "$@"
  done
fi
unset TVM_BUILD_BOOTSTRAP_STALE

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

# The build, published into a folder named after the fingerprint. A publish goes to a fresh folder first and is
# renamed into place when complete, so a build that is running or starting never sees half of one; the folder's
# existence is the stamp. build.ps1 uses the same folders and the same lock.
hash=$(sources_hash)
OUTPUT="$SCRIPT_DIR/build/bin/run-${hash// /-}"
# The same sources compiled to one native binary (dotnet publish -p:PublishAot=true): no runtime to start, no JIT; a
# warm start costs a fifth of the CPU time.
NATIVE="$SCRIPT_DIR/build/bin/native-${hash// /-}"
[[ -x "$NATIVE/_build" && "${TVM_BUILD_BOOTSTRAP-}" != dotnet ]] && exec "$NATIVE/_build" "$@"

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
    # runs them. Not ReadyToRun: it made every publish 7 s longer (a first run 20 s against 12.5 s), which each CI
    # stage pays on its fresh workspace, to save a warm start of this build about 0.03 s; warm starts on a
    # contributor's machine run the native build.
    "$DOTNET_EXE" publish "$PROJECT" -c Release --use-current-runtime --self-contained false \
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

# The native build compiles once, in the background (about a minute of both cores, niced): this run does not wait for
# it, and Ctrl-C here does not stop it. Not on a CI server, whose workspace is gone after the stage. It publishes into
# a fresh folder renamed into place, under its own lock; a failed compile is said once, not tried again for these
# sources, and leaves the dotnet build in use.
native_compile() {
  exec 8>"$TEMP_DIR/native.lock"
  flock "$@" 8 || return 0  # -n: another bootstrap is compiling it
  [[ -x "$NATIVE/_build" ]] && return 0
  local fresh="$NATIVE.new-$BASHPID" old
  rm -rf "$NATIVE".new-*
  if nice -n 10 "$DOTNET_EXE" publish "$PROJECT" -c Release --use-current-runtime -p:PublishAot=true \
      -p:IlcDehydrate=false -p:CopyOutputSymbolsToPublishDirectory=false -p:RunAnalyzers=false \
      --artifacts-path "$SCRIPT_DIR/build/obj/native" -o "$fresh" -nologo -v quiet -clp:NoSummary \
      >"$TEMP_DIR/native.log" 2>&1 && [[ -x "$fresh/_build" ]]; then
    mv "$fresh" "$NATIVE"
    for old in "$SCRIPT_DIR"/build/bin/native-*; do [[ "$old" == "$NATIVE" ]] || rm -rf "$old"; done
  else
    rm -rf "$fresh"
    : >"$NATIVE.failed"
  fi
}
if [[ "${TVM_BUILD_BOOTSTRAP-}" == native ]]; then
  echo "compiling the native build (~1 min, .nuke/temp/native.log)" >&2
  mkdir -p "$TEMP_DIR"
  rm -f "$NATIVE.failed" "$NATIVE.failed-said"
  native_compile
  [[ -x "$NATIVE/_build" ]] && exec "$NATIVE/_build" "$@"
  echo "error: the native build did not compile: see .nuke/temp/native.log" >&2
  echo "hint: TVM_BUILD_BOOTSTRAP=dotnet runs the dotnet build" >&2
  exit 1
elif [[ "${TVM_BUILD_BOOTSTRAP-}" != dotnet && "${1-}" != --complete && ! -e "$NATIVE" ]]; then
  if [[ -e "$NATIVE.failed" ]]; then
    echo "note: the native build did not compile (.nuke/temp/native.log); runs use the dotnet build" >&2
    mv "$NATIVE.failed" "$NATIVE.failed-said"
  elif [[ -z "${CI-}${JENKINS_URL-}${GITHUB_ACTIONS-}" && ! -e "$NATIVE.failed-said" ]] && mkdir -p "$TEMP_DIR" &&
       flock -n "$TEMP_DIR/native.lock" true; then
    echo "compiling the native build in the background (~1 min, .nuke/temp/native.log): later runs start faster" >&2
    native_compile -n </dev/null >/dev/null 2>&1 &
  fi
fi

exec "$DOTNET_EXE" "$OUTPUT/_build.dll" "$@"
