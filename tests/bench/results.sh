#!/usr/bin/env bash
# Result cache benchmark, figures from this one run:
#  1. `CiTask --name unittest` on an unchanged tree: the first run (its steps run) against the rerun (reused), wall and
#     CPU seconds and their ratio (goal: >= 20x), with the same verdict and test counts;
#  2. an edit outside the task's inputs (README.md) is still a hit; an edit inside (python/) is a miss that --explain
#     names;
#  3. a fresh copy of the tree at another path, with an empty local cache, gets its build from the shared stores: an
#     S3-compatible server (s3rver, dev/ci) and a redis-server, both started here on loopback;
#  4. a damaged entry is ignored with a warning.
# Tree: the fixture (--native: on this machine), or TVM_HOME. Needs: node (npm ci --prefix dev/ci), redis-server.
# The fixture's own tests take about a second, TVM's unittest stage hours; PLANT_SECONDS (default 10) plants a test
# of that many CPU seconds in the fixture's copy, so that figure 1 shows a run of a length that a reuse is for
# (PLANT_SECONDS=0: the fixture's tests alone).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WORK=$(mktemp -d)
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
REDIS_PORT=$(free_port) S3_PORT=$(free_port)
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no >"$WORK/redis.log" 2>&1 &
REDIS=$!
node "$ROOT/dev/ci/node_modules/s3rver/bin/s3rver.js" --directory "$WORK/s3" --port "$S3_PORT" --address 127.0.0.1 \
  --configure-bucket tvm-results --silent >"$WORK/s3.log" 2>&1 &
S3=$!
trap 'kill "$REDIS" "$S3" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
until redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; do sleep 0.1; done
until (exec 3<>"/dev/tcp/127.0.0.1/$S3_PORT") 2>/dev/null; do sleep 0.1; done
export AWS_ENDPOINT_URL="http://127.0.0.1:$S3_PORT" AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER

copy() { mkdir -p "$2" && (cd "$1" && tar --exclude=.git --exclude='./build-*' -cf - .) | tar -xf - -C "$2"; }
SOURCE=${TVM_HOME:-$ROOT/tests/fixtures/tvm}
TREE="$WORK/a/tvm"
copy "$SOURCE" "$TREE"
if [ -z "${TVM_HOME:-}" ] && [ "${PLANT_SECONDS:-10}" != 0 ]; then
  cat >"$TREE/tests/python/unittest/test_planted_work.py" <<PY
import time


def test_planted_work():
    """About ${PLANT_SECONDS:-10} CPU seconds of work (planted by tests/bench/results.sh)."""
    end = time.process_time() + ${PLANT_SECONDS:-10}
    while time.process_time() < end:
        pass
PY
fi
export XDG_CACHE_HOME="$WORK/cache-a"
"$ROOT/build.sh" --help >/dev/null  # compiled before anything is timed

# measure LABEL ARGS...: wall and CPU seconds (this process's children) of one ./build.sh run; its log in $WORK.
measure() {
  local label=$1; shift
  local before after
  before=$(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
  local start; start=$(date +%s%N)
  "$ROOT/build.sh" "$@" --no-logo >"$WORK/$label.log" 2>&1 || echo "  ($label exited $?)"
  local wall=$(( ($(date +%s%N) - start) / 1000000 ))
  after=$(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
  local ticks; ticks=$(getconf CLK_TCK)
  printf '%-28s wall %6.2f s   cpu %6.2f s\n' "$label" "$(bc -l <<<"$wall/1000")" \
    "$(bc -l <<<"($after-$before)/$ticks")"
  echo "$wall $(( after - before ))" >"$WORK/$label.t"
}
summary() { grep -E '^(UnitTest|CppTest) .*passed|^Build (succeeded|failed)' "$WORK/$1.log" | tr '\n' ';'; echo; }

task=(CiTask --name unittest --native --tvm-home "$TREE")
"$ROOT/build.sh" CiTask --name build-cpu --native --tvm-home "$TREE" --no-logo >"$WORK/build.log" 2>&1
echo "1. an unchanged task"
measure "unittest, steps run" "${task[@]}" --no-cache
measure "unittest, reused" "${task[@]}"
read -r w1 c1 <"$WORK/unittest, steps run.t"; read -r w2 c2 <"$WORK/unittest, reused.t"
printf '   ratio: wall %.1fx, cpu %.1fx\n' "$(bc -l <<<"$w1/$w2")" "$(bc -l <<<"$c1/($c2+0.5)")"
echo "   first:  $(summary "unittest, steps run")"
echo "   reused: $(summary "unittest, reused")"
grep -o 'CiTask: passed with these inputs.*' "$WORK/unittest, reused.log" | sed 's/^/   /'

echo "2. edits"
echo "an edit no task reads" >>"$TREE/README.md"
measure "after a README edit" "${task[@]}"
grep -q 'CiTask: passed with these inputs' "$WORK/after a README edit.log" && echo "   hit" || echo "   MISS"
echo "# an edit the tests read" >>"$TREE/python/tvm/__init__.py"
measure "after a python edit" "${task[@]}" --explain
grep -o 'since the last run here.*' "$WORK/after a python edit.log" | head -3 | sed 's/^/   /'

echo "3. shared stores, a fresh copy at another path with an empty local cache"
for store in "s3://tvm-results/ci" "redis://127.0.0.1:$REDIS_PORT"; do
  name=${store%%:*}
  one="$WORK/$name-ci/tvm" two="$WORK/$name-contributor/tvm"
  copy "$SOURCE" "$one"; copy "$SOURCE" "$two"
  XDG_CACHE_HOME="$WORK/cache-$name-1" measure "$name: CI builds" Compile --tvm-home "$one" --result-cache "$store"
  XDG_CACHE_HOME="$WORK/cache-$name-2" measure "$name: Compile --from-cache" Compile --from-cache --tvm-home "$two" \
    --result-cache "$store"
  grep -o 'Compile: passed with these inputs.*' "$WORK/$name: Compile --from-cache.log" | sed 's/^/   /'
  cmp -s "$one/build-cpu/libtvm.so" "$two/build-cpu/libtvm.so" && echo "   libtvm.so: the same bytes"
done

echo "4. a damaged entry"
for entry in "$XDG_CACHE_HOME"/tvm-build/entries/*.json; do head -c 40 "$entry" >"$entry.x" && mv "$entry.x" "$entry"; done
measure "damaged entries" "${task[@]}"
grep -o 'the entry for CiTask.*' "$WORK/damaged entries.log" | sed 's/^/   /'
