#!/usr/bin/env bash
# CI generation benchmark (issue: CI as data). Prints the warm `./build.sh GenerateCi --check` time, median of RUNS.
# Goal: <= 1 s.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUNS=${RUNS:-7}
"$ROOT/build.sh" GenerateCi --check --verbosity quiet >/dev/null   # warm
times=()
for ((i = 0; i < RUNS; i++)); do
  s=$(date +%s%N)
  "$ROOT/build.sh" GenerateCi --check --verbosity quiet >/dev/null
  times+=($(( ($(date +%s%N) - s) / 1000000 )))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}')
echo "warm GenerateCi --check (median of $RUNS): ${median} ms (goal <= 1000 ms)"
