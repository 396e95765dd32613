#!/usr/bin/env bash
# Shared compiler cache benchmark: ccache's remote storage on a redis-server started here on loopback, as
# a team's cache server would be. Two "agents": fresh checkouts at different paths, each with an empty local ccache;
# the first (cold) fills the remote, the second (warm) builds from it. Per tree it prints, from this one run: the
# clean `./build.sh Compile` time (configure + build) and the build step alone, cold and warm, the warm build's hits
# (from its summary) and the ratios. Goal: >= 90% hits, warm >= 3x faster.
# Trees: the fixture; with TVM_HOME (TVM v0.9.0 with submodules, e.g. /work/real/v090) also its `runtime` target, in
# the plainest config of that ref (jvm: no LLVM, no CI libraries) unless TVM_ARGS says otherwise.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
redis-server --port "$PORT" --bind 127.0.0.1 --save "" --appendonly no >"$WORK/redis.log" 2>&1 &
REDIS=$!
trap 'kill "$REDIS" 2>/dev/null; wait "$REDIS" 2>/dev/null; rm -rf "$WORK"' EXIT
until redis-cli -p "$PORT" ping >/dev/null 2>&1; do sleep 0.1; done

now() { date +%s%N; }
ms() { echo $(( ($(now) - $1) / 1000000 )); }

# bench NAME SOURCE ARGS...: a cold agent, then a warm one, each a fresh copy of SOURCE (without .git).
bench() {
  local name=$1 source=$2; shift 2
  local -A total=() step=()
  for agent in cold warm; do
    local tree="$WORK/$name-$agent/tvm"
    mkdir -p "$tree"
    (cd "$source" && tar --exclude=.git --exclude='./build*' -cf - .) | tar -xf - -C "$tree"
    local args=(--tvm-home "$tree" --compiler-cache ccache --ccache-remote-storage "redis://127.0.0.1:$PORT"
                --no-logo "$@")
    export CCACHE_DIR="$WORK/ccache-$name-$agent"
    local s; s=$(now)
    "$ROOT/build.sh" Configure "${args[@]}" >"$WORK/$name-$agent.configure.log" 2>&1
    local c; c=$(now)
    "$ROOT/build.sh" Compile --skip Configure "${args[@]}" >"$WORK/$name-$agent.log" 2>&1 \
      || { tail -30 "$WORK/$name-$agent.log"; exit 1; }
    step[$agent]=$(ms "$c"); total[$agent]=$(ms "$s")
  done
  local stats; stats=$(grep -o 'Compiler cache: .*' "$WORK/$name-warm.log")
  echo "$name: cold ${total[cold]} ms (build step ${step[cold]} ms)," \
       "warm ${total[warm]} ms (build step ${step[warm]} ms)"
  echo "  warm agent: $stats"
  awk -v a="${total[cold]}" -v b="${total[warm]}" -v c="${step[cold]}" -v d="${step[warm]}" 'BEGIN {
    printf "  warm is %.1fx faster (build step %.1fx) (goal >= 3x; >= 90%% hits)\n", a / b, c / d }'
}

bench fixture "$ROOT/tests/fixtures/tvm"
if [[ -n "${TVM_HOME:-}" ]]; then
  plain="--preset jvm --cmake-option USE_LLVM=OFF --cmake-option CMAKE_CXX_FLAGS= --cmake-target runtime"
  read -r -a ARGS <<< "${TVM_ARGS:-$plain}"
  bench "tvm-$(basename "$TVM_HOME")-runtime" "$TVM_HOME" "${ARGS[@]}"
fi
