#!/usr/bin/env bash
# Bisect benchmark: `Bisect -- Compile` with ccache over the fixture history BisectTests uses (32 commits,
# commit 13 deletes cmake/config.cmake). Two runs on one history with one empty ccache: cold (no worktree yet, empty
# cache), then warm-cache (the worktree's build directory deleted, the cache kept: what the fixed worktree path buys
# on the next run). Per run it prints the steps and the first bad commit (from the summary), wall and CPU seconds
# (user + sys, children included) and the compiler cache's hits over the whole bisect. Goal: warm >= 90% hits.
# The history changes no source file, so within a run only the first step compiles (the worktree's build directory
# is reused by every step and ninja finds nothing to do); the cold run's misses are that step's.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
command -v ccache >/dev/null || { echo "ccache is not installed (apt-get install ccache)" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export CCACHE_DIR="$WORK/ccache" GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com

TREE="$WORK/tvm"
mkdir -p "$TREE"
(cd "$ROOT/tests/fixtures/tvm" && tar --exclude='./build*' --exclude=__pycache__ -cf - .) | tar -xf - -C "$TREE"
git -C "$TREE" init --quiet --initial-branch=main
echo 0 >"$TREE/NEWS.txt"
git -C "$TREE" add -A && git -C "$TREE" commit --quiet -m "commit 0"
for k in $(seq 1 31); do
  echo "$k" >>"$TREE/NEWS.txt"
  if ((k == 13)); then git -C "$TREE" rm --quiet cmake/config.cmake; fi
  git -C "$TREE" commit --quiet -a -m "commit $k"
done
"$ROOT/build.sh" --help >/dev/null # compiled before anything is timed

bisect() {
  local name=$1 log="$WORK/$1.log"
  local TIMEFORMAT='%R %U %S' times
  times=$( { time "$ROOT/build.sh" Bisect --good HEAD~31 --bad HEAD --tvm-home "$TREE" --no-logo -- \
      Compile --compiler-cache ccache >"$log" 2>&1; } 2>&1 ) || { tail -30 "$log"; exit 1; }
  read -r wall user sys <<<"$times"
  echo "$name: $(grep -o 'first bad commit .*' "$log")"
  awk -v w="$wall" -v u="$user" -v s="$sys" 'BEGIN { printf "  wall %.1f s, CPU %.1f s\n", w, u + s }'
  echo "  $(grep -o 'Bisect compiler cache: .*' "$log" || echo 'Bisect compiler cache: not used')"
}

bisect cold
rm -rf "$TREE/.git/tvm-build-bisect/build-cpu"
bisect warm-cache
