#!/usr/bin/env bash
# Re-records tests/data/tvm-change-decisions.json: what TVM's own change checks decide (docs only, rebuild the
# images, skip CI) for each case below. Each case is a scratch git repository: a base commit, origin/main (at the
# base or at HEAD), the case's commits on top; then the case's Jenkins variables (BRANCH_NAME, CHANGE_ID, and the PR
# title that Prepare's git_skip_ci.py fetches from GitHub, given here with its --pr-title) and TVM's scripts, run
# from the TVM tree given: ci/scripts/jenkins/git_change_docs.sh, git_change_docker.sh, git_skip_ci_globs.py and
# git_skip_ci.py. Nothing of TVM's is copied; its exit codes are read as Prepare.groovy reads them (what this script
# does in Groovy's place is the `decide` function). tests/Unit/ChangeDetectionTests.cs feeds every case to
# build/Ci/ChangeDetection.cs. Review the diff like code.   Usage: tests/data/record-tvm-changes.sh ~/tvm
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
tvm=$(cd "${1:?usage: $0 TVM_MAIN_CHECKOUT}" && pwd)
scripts="$tvm/ci/scripts/jenkins"
for script in git_change_docs.sh git_change_docker.sh git_skip_ci_globs.py git_skip_ci.py; do
  [[ -x "$scripts/$script" ]] || { echo "$scripts/$script: missing or not executable" >&2; exit 2; }
done
output=tests/data/tvm-change-decisions.json
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/home"
cases="$scratch/cases.jsonl"
: > "$cases"

# A clean environment: no git configuration of this machine's user (quotePath, renames) and only what Jenkins sets.
run_clean() { env -i PATH="$PATH" HOME="$scratch/home" GIT_CONFIG_NOSYSTEM=1 LANG=C.UTF-8 "$@"; }

# JSON for one case, from its arguments: name, branch, title ("-": unset), the commits, the two diffs, the exit codes.
emit='
import json, sys
name, branch, title, origin, commits, origin_diff, parent_diff, docs, docker, globs, skip = sys.argv[1:12]
unset = lambda v: None if v == "-" else v
lines = lambda v: [l for l in v.split("\n") if l != ""]
code = lambda v: None if v == "-" else int(v)
exits = {"git_change_docs": code(docs), "git_change_docker": code(docker), "git_skip_ci_globs": code(globs),
         "git_skip_ci": code(skip)}
branch, title = unset(branch), unset(title)
# Prepare.groovy: is_docs_only_build == 1 skips the code tasks; should_skip_ci is false unless BRANCH_NAME starts with
# PR-, then true when the globs script exits 0, else when git_skip_ci.py does; rebuild_docker_images is the docker
# script exit code (Groovy truth: non-zero is true), forced false when CI is skipped.
skip_ci = exits["git_skip_ci_globs"] == 0 or exits["git_skip_ci"] == 0
print(json.dumps({
    "name": name, "branch": branch, "title": title, "origin_main": origin,
    "commits": [c.split(",") if c else [] for c in commits.split("\n")] if commits else [],
    "against_origin_main": lines(origin_diff), "against_parent": None if parent_diff == "-" else lines(parent_diff),
    "exits": exits,
    "docs_only": exits["git_change_docs"] == 1, "rebuild_docker": not skip_ci and exits["git_change_docker"] != 0,
    "skip_ci": skip_ci}))
'

# record NAME BRANCH TITLE ORIGIN COMMIT...: BRANCH and TITLE "-" for unset; ORIGIN is where origin/main points,
# "base" or "head"; each COMMIT is a comma-separated list of paths it adds ("" for an empty commit).
record() {
  local name=$1 branch=$2 title=$3 origin=$4
  shift 4
  local repo="$scratch/repo-$(wc -l < "$cases")"
  git init --quiet --initial-branch="${branch/#-/work}" "$repo"
  local git=(run_clean git -C "$repo" -c user.name=t -c user.email=t@t)
  "${git[@]}" remote add origin https://github.com/apache/tvm.git # git_skip_ci.py parses it
  echo base > "$repo/base.txt"
  "${git[@]}" add -A && "${git[@]}" commit --quiet -m base
  local commit path commits=""
  for commit in "$@"; do
    IFS=, read -r -a paths <<< "$commit"
    for path in "${paths[@]}"; do mkdir -p "$repo/$(dirname "$path")" && echo "$name" >> "$repo/$path"; done
    "${git[@]}" add -A && "${git[@]}" commit --quiet --allow-empty -m "$name"
    commits+="${commits:+$'\n'}$commit"
  done
  "${git[@]}" update-ref refs/remotes/origin/main "$([[ $origin == base ]] && echo HEAD~$# || echo HEAD)"
  local origin_diff parent_diff
  origin_diff=$("${git[@]}" diff --no-commit-id --name-only -r origin/main)
  parent_diff=$("${git[@]}" diff --no-commit-id --name-only -r HEAD~1 2> /dev/null) || parent_diff=-
  local jenkins=()
  [[ $branch == - ]] || jenkins+=("BRANCH_NAME=$branch")
  [[ $branch != PR-* ]] || jenkins+=("CHANGE_ID=${branch#PR-}")
  [[ $title == - ]] || jenkins+=("CHANGE_TITLE=$title")
  exit_of() { (cd "$repo" && run_clean "${jenkins[@]}" "$@" > /dev/null 2>&1) && echo 0 || echo $?; }
  local docs docker globs=- skip=-
  docs=$(exit_of "$scripts/git_change_docs.sh")
  docker=$(exit_of "$scripts/git_change_docker.sh")
  if [[ $branch == PR-* ]]; then # should_skip_ci: never on a branch build
    globs=$(exit_of "$scripts/git_skip_ci_globs.py")
    [[ $globs == 0 ]] || skip=$(exit_of "$scripts/git_skip_ci.py" --pr "${branch#PR-}" --pr-title "$title")
  fi
  python3 -c "$emit" "$name" "$branch" "$title" "$origin" "$commits" "$origin_diff" "$parent_diff" \
    "$docs" "$docker" "$globs" "$skip" >> "$cases"
}

record "docs only" PR-101 "[docs] Fix a typo" base docs/install.rst,docs/how_to/deploy.rst
record "code" PR-102 "[Relax] Fix a pass" base src/relax/transform/fuse.cc
record "a Dockerfile" PR-103 "[CI] Update ci_cpu" base docker/Dockerfile.ci_cpu
record "an install script under docker/" PR-104 "[CI] Update Python" base docker/install/ubuntu_install_python.sh
record "docker/bash.sh alone (skip list)" PR-105 "[CI] Fix bash.sh" base docker/bash.sh
skip_list=docker/bash.sh,docker/with_the_same_user,docker/README.md,docker/Dockerfile.ci_lint
skip_list+=,docker/install/ubuntu_install_clang_format.sh,docker/lint.sh,docker/clear-stale-images.sh
record "the whole docker skip list" PR-106 "[CI] Lint images" base "$skip_list,README.md,lint.sh,clear-stale-images.sh"
record "a mix of docs, code and a Dockerfile" PR-107 "[Misc] Many things" base \
  docs/install.rst,src/runtime/module.cc,docker/Dockerfile.ci_gpu
record "a PR's earlier commit changed docker/" PR-108 "[CI] Two commits" base docker/Dockerfile.ci_arm src/ir/expr.cc
record "main: the last commit changed a Dockerfile" main - head src/ir/expr.cc docker/Dockerfile.ci_cpu
record "main: the last commit changed docs only" main - head docker/Dockerfile.ci_cpu docs/install.rst
record "main ahead of origin/main: HEAD~1 decides the images" main - base docker/Dockerfile.ci_gpu docs/install.rst
record "main with no HEAD~1" main - head
record "main: a [skip ci] title does not skip" main "[skip ci] Update docs" head src/ir/expr.cc
record "a release branch: no skip" v0.20.0 "[skip ci] Release notes" base NEWS.md
record "*.md only" PR-115 "[Docs] Update the READMEs" base CONTRIBUTING.md,python/tvm/README.md
record ".github/ only" PR-116 "[CI] Update a workflow" base .github/workflows/lint.yml,.github/CODEOWNERSHIP
record "tests/lint/ only" PR-117 "[Lint] Update a check" base tests/lint/check_file_type.py
record "the other skip-CI globs" PR-118 "[Misc] Repository files" base \
  .asf.yaml,.gitignore,LICENSE,NOTICE,KEYS,.pre-commit-config.yaml
record "a LICENSE that is not at the root" PR-119 "[Misc] Third party" base 3rdparty/LICENSE
record "a Markdown file under docs/: skip wins" PR-120 "[Docs] A page" base docs/README.md
record "an empty diff" PR-121 "[Misc] Nothing" head
record "[skip ci] title" PR-122 "[skip ci] Update CI scripts" base src/ir/expr.cc,docker/Dockerfile.ci_cpu
record "[ skip ci ] title" PR-123 "[ skip ci ][CI] Spaces in the tag" base src/ir/expr.cc
record "[Skip CI] title (case matters)" PR-124 "[Skip CI] Capitals" base src/ir/expr.cc
record "skip ci outside brackets" PR-125 "Please skip ci" base src/ir/expr.cc
record "src/docs/x.cc (substring docs/)" PR-126 "[Misc] A docs/ substring" base src/docs/x.cc
record "docs/docker/: docs only and an image change" PR-127 "[Docs] Docker docs" base docs/docker/index.rst
record "BRANCH_NAME unset" - - base src/ir/expr.cc
record "BRANCH_NAME unset, docs only" - - base docs/install.rst
record "a docs path with a space" PR-130 "[Docs] A page" base "docs/a page.rst"
record "a non-ASCII Markdown file under docs/" PR-131 "[Docs] Une page" base docs/café.md

python3 - "$cases" "$output" "$scripts" "$(git -C "$tvm" rev-parse HEAD)" <<'PY'
import json, re, sys
cases_file, output, scripts, commit = sys.argv[1:5]
sys.path.insert(0, scripts)
import git_skip_ci_globs  # its module-level list; the script's main does not run on import
with open(f"{scripts}/git_change_docker.sh") as f:
    block = re.search(r"^FILES_THAT_SHOULDNT_TRIGGER_REBUILDS=\(\n(.*?)^\)", f.read(), re.M | re.S).group(1)
docker_skip = [line.strip().strip('"') for line in block.splitlines() if line.strip()]
with open(cases_file) as f:
    cases = [json.loads(line) for line in f]
with open(output, "w") as f:
    json.dump({"source": f"apache/tvm@{commit}", "skip_ci_globs": git_skip_ci_globs.globs,
               "docker_skip_list": docker_skip, "cases": cases}, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(f"{output}: {len(cases)} cases")
PY
git --no-pager diff --stat -- "$output"
