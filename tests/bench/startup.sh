#!/usr/bin/env bash
# Start-up benchmark (issue: skeleton). Prints, measured in this one run:
#   - warm `./build.sh --help` (no source change), median of RUNS;
#   - the plain Nuke pattern on the same project (`dotnet build <project> -nologo --verbosity quiet`,
#     then `dotnet run --project <project> --no-build -- --help`), median of NUKE_RUNS, and the ratio;
#   - a first run after a fresh clone (restore + build + help).
# Goals: warm help <= 0.15 s; first run <= 30 s.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUNS=${RUNS:-10}
NUKE_RUNS=${NUKE_RUNS:-3}
PROJECT="$ROOT/build/_build.csproj"

now() { date +%s%N; }
# median of the wall times (ms) of running "$@" $1 times
median_ms() {
  local runs=$1; shift
  local times=()
  for ((i = 0; i < runs; i++)); do
    local start; start=$(now)
    "$@" >/dev/null 2>&1
    times+=($(( ($(now) - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'
}

nuke_pattern() {
  dotnet build "$PROJECT" -nologo --verbosity quiet && dotnet run --project "$PROJECT" --no-build -- --help
}

"$ROOT/build.sh" --help >/dev/null   # warm: compiled and stamped
warm=$(median_ms "$RUNS" "$ROOT/build.sh" --help)
nuke=$(median_ms "$NUKE_RUNS" nuke_pattern)

clone=$(mktemp -d)
trap 'rm -rf "$clone"' EXIT
git clone --quiet "$ROOT" "$clone/repo"
start=$(now)
"$clone/repo/build.sh" --help >/dev/null
first=$(( ($(now) - start) / 1000000 ))

echo "warm ./build.sh --help (median of $RUNS):        ${warm} ms   (goal <= 150 ms)"
echo "Nuke pattern build+run --help (median of $NUKE_RUNS): ${nuke} ms"
awk -v a="$nuke" -v b="$warm" 'BEGIN { printf "ratio Nuke pattern / warm build.sh:            %.1fx\n", a / b }'
echo "first run after a fresh clone (restore+build+help): ${first} ms   (goal <= 30000 ms)"
