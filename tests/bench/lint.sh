#!/usr/bin/env bash
# Lint benchmark (issue: Lint). On a real TVM tree ($TVM_HOME, a git checkout), in a scratch clone with one
# changed .py and one changed .cc file, prints in one run:
#   Lint --changed --base HEAD  vs  Lint --all, with the same installed linters, and the ratio.
# Goals: --changed <= 3 s and >= 10x faster than --all.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
: "${TVM_HOME:?set TVM_HOME to a TVM git checkout}"
RUNS=${RUNS:-3}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
git clone --quiet --shared "$TVM_HOME" "$scratch/tvm"
cd "$scratch/tvm"
py=$(git ls-files 'python/tvm/*.py' | awk 'NR==1')
cc=$(git ls-files 'src/*.cc' | awk 'NR==1')
echo "# touched by the lint benchmark" >> "$py"
echo "// touched by the lint benchmark" >> "$cc"

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
lint() { "$ROOT/build.sh" Lint --tvm-home "$scratch/tvm" --no-logo --verbosity quiet --strict false "$@" >/dev/null 2>&1 || true; }

lint --changed --base HEAD   # warm
changed=() all=()
for ((i = 0; i < RUNS; i++)); do
  s=$(now); lint --changed --base HEAD; changed+=($(( ($(now) - s) / 1000000 )))
  s=$(now); lint --all; all+=($(( ($(now) - s) / 1000000 )))
done
c=$(printf '%s\n' "${changed[@]}" | median)
a=$(printf '%s\n' "${all[@]}" | median)
echo "Lint --changed (1 .py + 1 .cc): ${c} ms (goal <= 3000 ms)"
echo "Lint --all:                     ${a} ms"
awk -v a="$a" -v c="$c" 'BEGIN { printf "ratio all / changed:            %.1fx (goal >= 10x)\n", a / c }'
