#!/usr/bin/env bash
# CPU-time benchmark of the warm paths (issue: one change, one place, point 8). CPU seconds (user + sys, children
# included, from /usr/bin/time) are what a noisy shared machine still measures well. Prints, from this one run:
#   - warm `./build.sh --help` against TVM's `python3 tests/scripts/ci.py --help` (TVM_HOME at TVM main), the ratio;
#   - a no-op `./build.sh Compile` of an up-to-date fixture build against raw `ninja` in the same build directory, the
#     overhead.
# Goals: help within 1.5x of ci.py's; no-op Compile at most 0.15 CPU s over ninja.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUNS=${RUNS:-9}
PYTHON=${PYTHON:-/usr/bin/python3}

# median CPU seconds (user + sys) of running "$@" RUNS times
cpu() {
  local samples=() out
  out=$(mktemp)
  for ((i = 0; i < RUNS; i++)); do
    /usr/bin/time -f '%U %S' -o "$out" "$@" >/dev/null 2>&1
    samples+=("$(awk '{print $1 + $2}' "$out")")
  done
  rm -f "$out"
  printf '%s\n' "${samples[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'
}

"$ROOT/build.sh" --help >/dev/null   # compiled and stamped
help=$(cpu "$ROOT/build.sh" --help)
echo "warm ./build.sh --help:                 ${help} CPU s"
if [[ -n "${TVM_HOME:-}" && -f "$TVM_HOME/tests/scripts/ci.py" ]]; then
  cipy=$(cpu "$PYTHON" "$TVM_HOME/tests/scripts/ci.py" --help)
  echo "python3 tests/scripts/ci.py --help:     ${cipy} CPU s ($PYTHON)"
  awk -v a="$help" -v b="$cipy" 'BEGIN { printf "ratio:                                  %.2fx (goal <= 1.5x)\n", a / b }'
else
  echo "(set TVM_HOME to a TVM main checkout to compare with its ci.py --help)"
fi

tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
cp -r "$ROOT/tests/fixtures/tvm" "$tree/tvm"
compile=("$ROOT/build.sh" Compile --tvm-home "$tree/tvm" --compiler-cache none --verbosity quiet --no-logo)
"${compile[@]}" >/dev/null   # configure and build once
ours=$(cpu "${compile[@]}")
raw=$(cpu ninja -C "$tree/tvm/build-cpu")
echo "no-op ./build.sh Compile:               ${ours} CPU s"
echo "no-op ninja:                            ${raw} CPU s"
awk -v a="$ours" -v b="$raw" 'BEGIN { printf "overhead:                               %.3f CPU s (goal <= 0.15)\n", a - b }'
