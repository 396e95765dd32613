#!/usr/bin/env python3
"""Records what TVM's own task_config_build_<preset>.sh scripts write, per ref, into tests/data/tvm-presets.json, and
compares tvm-build's Configure with it:

  tests/data/record-tvm-presets.py TVM_GIT_DIR [REF ...]         # default refs: v0.9.0 .. v0.26.0 and main
  tests/data/record-tvm-presets.py --compare 'DIR/tvm-{ref}'     # ./build.sh Configure in those trees vs the record

Recording needs no checkout: for each ref it takes cmake/config.cmake and each tests/scripts/task_config_build_*.sh
from git, and runs the script as CI does (`script build-<preset>` from a scratch folder holding only
cmake/config.cmake: it copies the template and appends with echo), with the environment below. It records the lines
the script appended (or, when it fails, its last line of error), and which of the paths build/layouts.yaml's markers
and absent lists name the ref has. Only what the scripts print is kept, nothing of TVM's. Run it on a machine without
CI's /opt folders: the scripts test `[ -d /opt/tflite ]`, and tests/Unit/RecordedPresetsTests.cs reads the record as
a machine where no such path exists.
"""
import json, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
OUTPUT = os.path.join(HERE, "tvm-presets.json")
ENVIRONMENT = {"CLANG_LLVM_HOME": "/opt/clang-llvm", "HEXAGON_SDK_ROOT": "/opt/hexagon-sdk",
               "ADRENO_OPENCL": "/nonexistent/adreno", "CI": "false"}
DEFAULT_REFS = [f"v0.{n}.0" for n in range(9, 27)] + ["main"]


def git(repo, *args, check=True):
    result = subprocess.run(["git", "-C", repo, *args], capture_output=True, text=True)
    if check and result.returncode != 0:
        sys.exit(f"git {' '.join(args)}: {result.stderr.strip()}")
    return result


def features():
    """The paths build/layouts.yaml tells layouts apart by."""
    with open(os.path.join(ROOT, "build", "layouts.yaml")) as f:
        text = f.read()
    found = []
    for m in re.finditer(r"^  (?:markers|absent): \[([^\]]*)\]", text, re.M):
        found += [p.strip() for p in m.group(1).split(",") if p.strip() and p.strip() not in found]
    return sorted(found)


def record_ref(repo, ref, paths, scratch):
    commit = git(repo, "rev-parse", "-q", "--verify", f"refs/tags/{ref}^{{commit}}", check=False).stdout.strip() \
        or git(repo, "rev-parse", f"{ref}^{{commit}}").stdout.strip()
    has = [p for p in paths if git(repo, "ls-tree", commit, "--", p).stdout.strip()]
    template = git(repo, "show", f"{commit}:cmake/config.cmake").stdout
    names = git(repo, "ls-tree", "--name-only", commit, "tests/scripts/").stdout.split()
    presets = {}
    for name in sorted(names):
        m = re.fullmatch(r"tests/scripts/task_config_build_(.+)\.sh", name)
        if not m:
            continue
        preset = m.group(1)
        tree = os.path.join(scratch, ref, preset)
        os.makedirs(os.path.join(tree, "cmake"))
        with open(os.path.join(tree, "cmake", "config.cmake"), "w") as f:
            f.write(template)
        script = os.path.join(scratch, ref, f"{preset}.sh")
        with open(script, "w") as f:
            f.write(git(repo, "show", f"{commit}:{name}").stdout)
        env = {"PATH": os.environ["PATH"], "HOME": scratch, **ENVIRONMENT}
        result = subprocess.run(["bash", script, f"build-{preset}"], cwd=tree, env=env, capture_output=True,
                                text=True)
        written = os.path.join(tree, f"build-{preset}", "config.cmake")
        if result.returncode != 0 or not os.path.exists(written):
            presets[preset] = {"fails": (result.stderr.strip().split("\n") or [""])[-1].replace(scratch, "{SCRATCH}")}
            continue
        with open(written) as f:
            text = f.read()
        if not text.startswith(template):
            sys.exit(f"{ref}: {name} did not start from cmake/config.cmake")
        presets[preset] = {"lines": text[len(template):].splitlines()}
    return {"commit": commit, "has": has, "presets": presets}


def record(repo, refs):
    if os.path.exists("/opt/tflite"):
        sys.exit("/opt/tflite exists here: record on a machine without CI's /opt folders")
    machine = subprocess.run(["uname", "-i"], capture_output=True, text=True).stdout.strip()
    if machine == "aarch64":
        sys.exit("record on an x86_64 machine (the scripts' `uname -i` tests)")
    paths = features()
    with tempfile.TemporaryDirectory(prefix="tvm-build-presets-") as scratch:
        recorded = {ref: record_ref(repo, ref, paths, scratch) for ref in refs}
    with open(OUTPUT, "w") as f:
        json.dump({"environment": ENVIRONMENT, "features": paths, "refs": recorded}, f, indent=1)
        f.write("\n")
    print(f"wrote {OUTPUT}")


def compare(pattern):
    """./build.sh Configure --config-only for each recorded ref and preset, in the tree the pattern names."""
    with open(OUTPUT) as f:
        data = json.load(f)
    env = {**os.environ, **data["environment"]}
    bad = 0
    with tempfile.TemporaryDirectory(prefix="tvm-build-compare-") as scratch:
        for ref, entry in data["refs"].items():
            tree = pattern.replace("{ref}", ref)
            if not os.path.isdir(tree):
                print(f"{ref}: no tree at {tree}, skipped")
                continue
            with open(os.path.join(tree, "cmake", "config.cmake")) as f:
                template = f.read()
            same, differ, layout = [], [], "no layout"
            for preset, want in entry["presets"].items():
                build = os.path.join(scratch, ref, preset)
                result = subprocess.run([os.path.join(ROOT, "build.sh"), "Configure", "--config-only", "--tvm-home",
                                         tree, "--preset", preset, "--build-dir", build],
                                        env=env, capture_output=True, text=True)
                config = os.path.join(build, "config.cmake")
                if m := re.search(r", layout (\S+)", result.stdout + result.stderr):
                    layout = m.group(1)
                got = None
                if result.returncode == 0 and os.path.exists(config):
                    with open(config) as f:
                        got = f.read()
                    got = got[len(template):].splitlines() if got.startswith(template) else None
                called = [p for p, w in entry["presets"].items() if p != preset and w.get("lines") == got]
                if "lines" in want and got == want["lines"]:
                    same.append(preset)
                elif "fails" in want and got is not None and called:
                    # gpu_vulkan.sh calls gpu_other.sh by a path from the tree's root, which fails from CI's build
                    # folder: what it means to write is the called script's lines, as build/layouts.yaml says.
                    same.append(f"{preset}(={called[0]})")
                else:
                    differ.append(f"{preset} ({'script fails: ' + want['fails'] if 'fails' in want else 'differs'}"
                                  f"{'; ours: ' + str(got) if got is not None else '; ours fails'})")
            print(f"{ref} (layout {layout}): equal {len(same)}/{len(entry['presets'])}: {' '.join(same)}")
            for d in differ:
                print(f"  {d}")
            bad += len([d for d in differ if "script fails" not in d])
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--compare":
        compare(sys.argv[2])
    elif len(sys.argv) >= 2 and not sys.argv[1].startswith("-"):
        record(sys.argv[1], sys.argv[2:] or DEFAULT_REFS)
    else:
        sys.exit(__doc__)
