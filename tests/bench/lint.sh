#!/usr/bin/env bash
# Lint benchmark (issues: Lint, 14). Prints, from one run:
#   1. first use of the pinned linters: Lint on one changed .py and .cc of $TVM_HOME (main) with an empty cache
#      (XDG_CACHE_HOME, npm's own cache inside it), which installs ruff and clang-format from npm;
#   2. on $TVM_HOME (main), warm: Lint --changed with one changed .py vs Lint --all, and the ratio;
#   3. on $V090_HOME (v0.9.0, optional): Lint --changed with one changed .py.
# Each tree is a scratch clone (`git clone --shared`); v0.9.0's submodules are copied in (its cpplint needs dmlc-core).
# Goals: (2) <= 2000 ms and >= 10x faster than --all; (3) <= 15000 ms.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
: "${TVM_HOME:?set TVM_HOME to a TVM main git checkout}"
RUNS=${RUNS:-3}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export XDG_CACHE_HOME="$scratch/cache"   # never the user's cache: (1) starts empty, (2) and (3) reuse what it installed

now() { date +%s%N; }
ms() { echo $(( ($(now) - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
lint() { "$ROOT/build.sh" Lint --no-logo --verbosity quiet --strict false "$@" >/dev/null 2>&1 || true; }
clone() { git -c advice.detachedHead=false clone --quiet --shared "$1" "$2"; }
first_file() { (cd "$1" && git ls-files "$2" | awk 'NR==1'); }
touch_py() { echo "# touched by the lint benchmark" >> "$1/$(first_file "$1" 'python/tvm/*.py')"; }
touch_cc() { echo "// touched by the lint benchmark" >> "$1/$(first_file "$1" 'src/*.cc')"; }

"$ROOT/build.sh" --help >/dev/null 2>&1   # compile the build first, outside any timing

clone "$TVM_HOME" "$scratch/first"
touch_py "$scratch/first"; touch_cc "$scratch/first"
s=$(now); lint --tvm-home "$scratch/first" --changed --base HEAD; first=$(ms "$s")
echo "first use, empty cache (installs ruff, clang-format; 1 .py + 1 .cc): ${first} ms"

clone "$TVM_HOME" "$scratch/main"
touch_py "$scratch/main"
lint --tvm-home "$scratch/main" --changed --base HEAD   # warm
changed=() all=()
for ((i = 0; i < RUNS; i++)); do
  s=$(now); lint --tvm-home "$scratch/main" --changed --base HEAD; changed+=("$(ms "$s")")
  s=$(now); lint --tvm-home "$scratch/main" --all; all+=("$(ms "$s")")
done
c=$(printf '%s\n' "${changed[@]}" | median)
a=$(printf '%s\n' "${all[@]}" | median)
echo "main: Lint --changed (1 .py):    ${c} ms (goal <= 2000 ms)"
echo "main: Lint --all:                ${a} ms"
awk -v a="$a" -v c="$c" 'BEGIN { printf "main: ratio all / changed:      %.1fx (goal >= 10x)\n", a / c }'

if [[ -n "${V090_HOME:-}" ]]; then
  clone "$V090_HOME" "$scratch/v090"
  for sub in $(cd "$V090_HOME" && git submodule status 2>/dev/null | awk '{print $2}'); do
    if [[ -d "$V090_HOME/$sub" ]]; then   # the files only: the copy's .git would point into $V090_HOME's .git
      rm -rf "${scratch:?}/v090/$sub"
      cp -a "$V090_HOME/$sub" "$scratch/v090/$sub" && rm -rf "$scratch/v090/$sub/.git"
    fi
  done
  touch_py "$scratch/v090"
  lint --tvm-home "$scratch/v090" --changed --base HEAD   # warm
  runs=()
  for ((i = 0; i < RUNS; i++)); do
    s=$(now); lint --tvm-home "$scratch/v090" --changed --base HEAD; runs+=("$(ms "$s")")
  done
  echo "v0.9.0: Lint --changed (1 .py):  $(printf '%s\n' "${runs[@]}" | median) ms (goal <= 15000 ms)"
fi
