#!/usr/bin/env bash
# Start-up benchmark (issue: skeleton). Prints, measured in this one run:
#   - warm `./build.sh --help` (no source change), median of RUNS;
#   - the plain Nuke pattern on the same project (`dotnet build <project> -nologo --verbosity quiet`,
#     then `dotnet run --project <project> --no-build -- --help`), median of NUKE_RUNS, and the ratio;
#   - a first run after a fresh clone with a warm NuGet cache (restore + build + help), median of FIRST_RUNS, and
#     when its first line ("compiling the build project, first run: ~20 s") came.
# Goals: warm help <= 0.15 s; first run <= 15 s, its line at once.
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

# First run: a fresh clone (no build output), the NuGet cache warm (the runs above filled it). FIRST_RUNS clones,
# the median; also how long until the bootstrap's first line ("compiling the build project, first run: ~20 s").
FIRST_RUNS=${FIRST_RUNS:-3}
clone=$(mktemp -d)
trap 'rm -rf "$clone"' EXIT
firsts=() lines=()
for ((i = 0; i < FIRST_RUNS; i++)); do
  git clone --quiet "$ROOT" "$clone/repo$i"
  start=$(now)
  "$clone/repo$i/build.sh" --help 2>&1 >/dev/null | {
    IFS= read -r _ && echo $(( ($(now) - start) / 1000000 )) >"$clone/line$i"; cat >/dev/null; }
  firsts+=($(( ($(now) - start) / 1000000 )))
  lines+=("$(<"$clone/line$i")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
first=$(median "${firsts[@]}")
line=$(median "${lines[@]}")

echo "warm ./build.sh --help (median of $RUNS):        ${warm} ms   (goal <= 150 ms)"
echo "Nuke pattern build+run --help (median of $NUKE_RUNS): ${nuke} ms"
awk -v a="$nuke" -v b="$warm" 'BEGIN { printf "ratio Nuke pattern / warm build.sh:            %.1fx\n", a / b }'
echo "first run, fresh clone, warm NuGet cache (median of $FIRST_RUNS): ${first} ms (${firsts[*]})   (goal <= 15000 ms)"
echo "  its first line after (median):               ${line} ms (${lines[*]})"
echo "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
