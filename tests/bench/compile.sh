#!/usr/bin/env bash
# Compile benchmark (issue: TVM build graph). Prints, measured in this one run:
#   - `./build.sh Compile` on an up-to-date tree vs raw `cmake --build <dir>` on the same tree: the overhead
#     (goal <= 0.3 s);
#   - a clean compile through ./build.sh vs raw cmake + ninja with the same flags: the ratio (goal <= 1.02).
# Tree: the fixture, or $TVM_HOME with TVM_ARGS for ./build.sh and CMAKE_TARGETS for the raw side, e.g.
#   TVM_HOME=~/tvm TVM_ARGS="--cmake-target runtime --cmake-option USE_LLVM=llvm-config-14" CMAKE_TARGETS=runtime
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TVM=${TVM_HOME:-$ROOT/tests/fixtures/tvm}
read -r -a EXTRA <<< "${TVM_ARGS:-}"
RUNS=${RUNS:-7}
CLEAN_RUNS=${CLEAN_RUNS:-3}
OURS=$(mktemp -d) RAW=$(mktemp -d)
trap 'rm -rf "$OURS" "$RAW"' EXIT
build() { "$ROOT/build.sh" Compile --tvm-home "$TVM" --build-dir "$1" --compiler-cache none --verbosity quiet --no-logo "${EXTRA[@]}" >/dev/null; }

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

build "$OURS"   # configure + build once
up_ours=() up_raw=()
for ((i = 0; i < RUNS; i++)); do
  s=$(now); build "$OURS"; up_ours+=($(( ($(now) - s) / 1000000 )))
  s=$(now); cmake --build "$OURS" ${CMAKE_TARGETS:+--target $CMAKE_TARGETS} >/dev/null; up_raw+=($(( ($(now) - s) / 1000000 )))
done
ours_ms=$(printf '%s\n' "${up_ours[@]}" | median)
raw_ms=$(printf '%s\n' "${up_raw[@]}" | median)
echo "up-to-date: ./build.sh Compile ${ours_ms} ms, raw cmake --build ${raw_ms} ms, overhead $((ours_ms - raw_ms)) ms (goal <= 300 ms)"

clean_ours=() clean_raw=()
for ((i = 0; i < CLEAN_RUNS; i++)); do
  rm -rf "$OURS" "$RAW"
  s=$(now); build "$OURS"; clean_ours+=($(( ($(now) - s) / 1000000 )))
  # the same flags by hand: the config.cmake ./build.sh wrote, then cmake -G Ninja and cmake --build
  mkdir -p "$RAW"; cp "$OURS/config.cmake" "$RAW/config.cmake"
  s=$(now)
  cmake -S "$TVM" -B "$RAW" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$RAW" ${CMAKE_TARGETS:+--target $CMAKE_TARGETS} --parallel "$(nproc)" >/dev/null
  clean_raw+=($(( ($(now) - s) / 1000000 )))
done
ours_ms=$(printf '%s\n' "${clean_ours[@]}" | median)
raw_ms=$(printf '%s\n' "${clean_raw[@]}" | median)
awk -v a="$ours_ms" -v b="$raw_ms" 'BEGIN { printf "clean compile: ./build.sh %d ms, raw cmake+ninja %d ms, ratio %.3f (goal <= 1.02)\n", a, b, a / b }'
