#!/usr/bin/env bash
# CPU-time benchmark of the warm paths. CPU seconds (user + sys, children included, from the shell's `times`, a mean
# over RUNS) are what a noisy shared machine still measures well. Prints, from this one run, for the native build
# (what later runs start) and the dotnet build (TVM_BUILD_BOOTSTRAP=dotnet, the first run's):
#   - warm `./build.sh --help` against TVM's `python3 tests/scripts/ci.py --help` (TVM_HOME at TVM main), the ratio;
#   - a no-op `./build.sh Compile` of an up-to-date fixture build (result cache off: cmake --build runs) against
#     `cmake --build` (what TVM's Makefile and task_build.py run) and raw `ninja` in the same build directory.
# Goals: help <= 0.5x ci.py's; no-op Compile <= 1.5x cmake --build. Where GNU time is installed, also the page faults
# of one run of each (the same on every run, where CPU time is noisy; on a VM each costs a trap, and they follow
# the CPU ratio closely).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUNS=${RUNS:-9}
PYTHON=${PYTHON:-/usr/bin/python3}

# mean CPU seconds (user + sys of the children, from the shell's own `times`: millisecond resolution, where
# /usr/bin/time rounds each run to 10 ms) of running "$@" RUNS times
cpu() {
  local out before after
  out=$(mktemp)
  times >"$out"; before=$(tail -1 "$out")
  for ((i = 0; i < RUNS; i++)); do "$@" >/dev/null 2>&1; done
  times >"$out"; after=$(tail -1 "$out")
  rm -f "$out"
  awk -v b="$before" -v a="$after" -v n="$RUNS" '
    function seconds(s,   parts) { split(s, parts, /[ms]/); return parts[1] * 60 + parts[2] }
    function total(line,   f) { split(line, f, " "); return seconds(f[1]) + seconds(f[2]) }
    BEGIN { printf "%.3f\n", (total(a) - total(b)) / n }'
}

TVM_BUILD_BOOTSTRAP=dotnet "$ROOT/build.sh" --help >/dev/null   # the dotnet build, compiled
TVM_BUILD_BOOTSTRAP=native "$ROOT/build.sh" --help >/dev/null  # the native build, compiled (a minute, once)
help=$(cpu "$ROOT/build.sh" --help)
dotnet_help=$(TVM_BUILD_BOOTSTRAP=dotnet cpu "$ROOT/build.sh" --help)
echo "warm ./build.sh --help, native:         ${help} CPU s"
echo "warm ./build.sh --help, dotnet:         ${dotnet_help} CPU s"
if [[ -n "${TVM_HOME:-}" && -f "$TVM_HOME/tests/scripts/ci.py" ]]; then
  cipy=$(cpu "$PYTHON" "$TVM_HOME/tests/scripts/ci.py" --help)
  echo "python3 tests/scripts/ci.py --help:     ${cipy} CPU s ($PYTHON)"
  awk -v a="$help" -v d="$dotnet_help" -v b="$cipy" 'BEGIN {
    printf "ratio, native:                          %.2fx (goal <= 0.5x)\n", a / b
    printf "ratio, dotnet:                          %.2fx\n", d / b }'
else
  echo "(set TVM_HOME to a TVM main checkout to compare with its ci.py --help)"
fi

tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
# The fixture without build folders (the README's main job builds tests/fixtures/tvm/build-cpu in place).
mkdir -p "$tree/tvm" && (cd "$ROOT/tests/fixtures/tvm" && tar --exclude='./build*' --exclude=__pycache__ -cf - .) |
  tar -xf - -C "$tree/tvm"
compile=("$ROOT/build.sh" Compile --tvm-home "$tree/tvm" --compiler-cache none --verbosity quiet --no-logo
  --result-cache none)
"${compile[@]}" >/dev/null   # configure and build once
ours=$(cpu "${compile[@]}")
dotnet_ours=$(TVM_BUILD_BOOTSTRAP=dotnet cpu "${compile[@]}")
raw=$(cpu ninja -C "$tree/tvm/build-cpu")
cmake=$(cpu cmake --build "$tree/tvm/build-cpu" --parallel "$(nproc)")
echo "no-op ./build.sh Compile, native:       ${ours} CPU s"
echo "no-op ./build.sh Compile, dotnet:       ${dotnet_ours} CPU s"
echo "no-op cmake --build (what TVM runs):    ${cmake} CPU s"
echo "no-op ninja:                            ${raw} CPU s"
awk -v a="$ours" -v d="$dotnet_ours" -v b="$cmake" 'BEGIN {
  printf "ratio to cmake --build, native:         %.2fx (goal <= 1.5x)\n", a / b
  printf "ratio to cmake --build, dotnet:         %.2fx\n", d / b }'

# minor page faults of one run of "$@" (children included), or nothing without GNU time
faults() {
  [[ -x /usr/bin/time ]] || return 0
  /usr/bin/time -f %R -o /dev/stdout "$@" 2>/dev/null | tail -1
}
ours_faults=$(faults "${compile[@]}")
if [[ -n "$ours_faults" ]]; then
  cmake_faults=$(faults cmake --build "$tree/tvm/build-cpu" --parallel "$(nproc)")
  echo "page faults, no-op Compile, native:     ${ours_faults}"
  echo "page faults, cmake --build:             ${cmake_faults}"
  awk -v a="$ours_faults" -v b="$cmake_faults" 'BEGIN {
    printf "ratio of page faults, native:           %.2fx\n", a / b }'
fi
