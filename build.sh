#!/usr/bin/env bash
# Bootstrap for tvm-build (the C# build in build/). Same steps as build.ps1:
# find dotnet, rebuild the build project only when its sources changed, then run it with all arguments.
set -eo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PROJECT="$SCRIPT_DIR/build/_build.csproj"
OUTPUT="$SCRIPT_DIR/build/bin/Release/net10.0"
TEMP_DIR="$SCRIPT_DIR/.nuke/temp"
STAMP="$TEMP_DIR/build.stamp"

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

# A hash of what the compiled build depends on; a match means the binary is current.
sources_hash() {
  (cd "$SCRIPT_DIR" && find build -path build/bin -prune -o -path build/obj -prune -o -type f \
      \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' -o -name '*.yaml' \) -print0 \
    | LC_ALL=C sort -z | xargs -0 cksum) | cksum
}

hash=$(sources_hash)
if [[ ! -f "$OUTPUT/_build.dll" || ! -f "$STAMP" || "$(<"$STAMP")" != "$hash" ]]; then
  mkdir -p "$TEMP_DIR"
  exec 9>"$TEMP_DIR/build.lock"
  flock 9  # two builds started at once compile once
  if [[ ! -f "$OUTPUT/_build.dll" || ! -f "$STAMP" || "$(<"$STAMP")" != "$hash" ]]; then
    if ! "$DOTNET_EXE" build "$PROJECT" -c Release -nologo -v quiet -clp:NoSummary >"$TEMP_DIR/compile.log" 2>&1; then
      echo "error: the build project failed to compile:" >&2
      grep -E 'error|Error' "$TEMP_DIR/compile.log" | sort -u >&2 || cat "$TEMP_DIR/compile.log" >&2
      exit 1
    fi
    echo "$hash" >"$STAMP"
  fi
  exec 9>&-
fi

exec "$DOTNET_EXE" "$OUTPUT/_build.dll" "$@"
