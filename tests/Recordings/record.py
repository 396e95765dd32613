#!/usr/bin/env python3
"""Re-records what TVM's own scripts produce at one ref, as data for the comparison tests (tests/Recordings):

  TVM_HOME=~/tvm tests/Recordings/record.py [--output DIR]   # writes bash-sh.<layout>.json, presets.<layout>.json

- bash-sh.<layout>.json: for each case of bash-sh.cases.json, the argv `docker/bash.sh --dry-run` prints, with the
  tree's path, the user and the scratch folder replaced by {REPO}, {USER}, {UID}, {GROUP}, {GID}, {DATA};
  plus the tree's image table (shortcut -> image), so a test can give a fixture tree the same images.
- presets.<layout>.json: for each tests/scripts/task_config_build_<preset>.sh, the lines it appends to
  cmake/config.cmake, run as CI runs it (from a scratch tree holding only cmake/config.cmake).
- ci-py.main.json (TVM main only): for `tests/scripts/ci.py cpu --unittest`, `gpu --unittest` and `wasm --test`, the
  `docker run` argv ci.py has docker/bash.sh start (its container name as {NAME}) and the script it runs in the
  container; ci.py runs from a scratch copy of ci.py, docker/ and the image table, so the tree is not touched.
Nothing of TVM's is copied: only what its scripts print. The layout is told apart as tvm-build does
(3rdparty/tvm-ffi and no Makefile: main; a Makefile: v0.9.0).
"""
import configparser, json, os, re, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
FAKE_DOCKER = os.path.join(HERE, "..", "fixtures", "fake-docker")
SCRIPT_ENV = {"CLANG_LLVM_HOME": "/opt/clang-llvm", "HEXAGON_SDK_ROOT": "/opt/hexagon-sdk"}


def layout_of(tvm):
    if os.path.isdir(os.path.join(tvm, "3rdparty", "tvm-ffi")) and not os.path.exists(os.path.join(tvm, "Makefile")):
        return "main"
    if os.path.exists(os.path.join(tvm, "Makefile")):
        return "v0.9.0"
    sys.exit(f"{tvm}: neither the main nor the v0.9.0 layout")


def images_of(tvm):
    ini = os.path.join(tvm, "ci", "jenkins", "docker-images.ini")
    if os.path.exists(ini):
        parser = configparser.ConfigParser()
        parser.read(ini)
        return {k: v for k, v in parser["jenkins"].items() if k.startswith("ci_") and k != "ci_tag"}
    with open(os.path.join(tvm, "Jenkinsfile")) as f:
        found = {}
        for m in re.finditer(r"^(ci_[a-z0-9_]+) = '([^']*)'", f.read(), re.M):
            found.setdefault(m.group(1), m.group(2))
        return found


def identity():
    run = lambda *a: subprocess.run(["id", *a], capture_output=True, text=True, check=True).stdout.strip()
    return {"USER": run("-u", "-n"), "UID": run("-u"), "GROUP": run("-g", "-n"), "GID": run("-g")}


def normalize(argv, tvm, data, ident):
    out = []
    for word in argv:
        for key in ("USER", "UID", "GROUP", "GID"):
            if word == f"CI_BUILD_{key}={ident[key]}":
                word = f"CI_BUILD_{key}={{{key}}}"
        out.append(word.replace(data, "{DATA}").replace(tvm, "{REPO}"))
    return out


def record_bash_sh(tvm, layout, scratch):
    with open(os.path.join(HERE, "bash-sh.cases.json")) as f:
        cases = json.load(f)["cases"]
    data = os.path.join(scratch, "data")
    home = os.path.join(scratch, "home")
    os.makedirs(data)
    os.makedirs(home)
    ident = identity()
    recorded = {}
    for case in cases:
        if layout not in case.get("layouts", [layout]):
            continue
        env = {k: v for k, v in os.environ.items() if k not in ("JENKINS_HOME", "CUDA_VISIBLE_DEVICES", "CI_PYTEST_ADD_OPTIONS",
                                                                  "TVM_DEV_DOCKER_MOUNTS", "DOCKER_IS_ROOTLESS")}
        env.update({"PATH": FAKE_DOCKER + ":" + env["PATH"], "FAKE_DOCKER_LOG": os.devnull, "CI": "1", "HOME": home})
        env.update({k: v.replace("{DATA}", data) for k, v in case.get("environment", {}).items()})
        args = [a.replace("{DATA}", data) for a in case["bash_sh"]]
        result = subprocess.run(["bash", os.path.join(tvm, "docker", "bash.sh"), "--dry-run", *args],
                                cwd=tvm, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"bash.sh {' '.join(args)} failed:\n{result.stderr}")
        # bash.sh --dry-run echoes the argv unquoted as its last line.
        argv = result.stdout.rstrip().split("\n")[-1].split()
        recorded[case["name"]] = normalize(argv, tvm, data, ident)
    return {"images": images_of(tvm), "argv": recorded}


def record_presets(tvm, scratch):
    template_path = os.path.join(tvm, "cmake", "config.cmake")
    with open(template_path) as f:
        template = f.read()
    presets = {}
    scripts = os.path.join(tvm, "tests", "scripts")
    for name in sorted(os.listdir(scripts)):
        m = re.fullmatch(r"task_config_build_(.+)\.sh", name)
        if not m:
            continue
        preset = m.group(1)
        tree = os.path.join(scratch, f"preset-{preset}")
        os.makedirs(os.path.join(tree, "cmake"))
        shutil.copy(template_path, os.path.join(tree, "cmake", "config.cmake"))
        result = subprocess.run(["bash", os.path.join(scripts, name), f"build-{preset}"], cwd=tree,
                                env={**os.environ, **SCRIPT_ENV}, capture_output=True, text=True)
        written = os.path.join(tree, f"build-{preset}", "config.cmake")
        if result.returncode != 0 or not os.path.exists(written):
            presets[preset] = {"fails": (result.stderr.strip().split("\n") or [""])[-1]}
            continue
        with open(written) as f:
            text = f.read()
        if not text.startswith(template):
            sys.exit(f"{name} did not start from cmake/config.cmake")
        presets[preset] = {"lines": text[len(template):].splitlines()}
    return presets


CI_PY_COMMANDS = [["cpu", "--unittest"], ["gpu", "--unittest"], ["wasm", "--test"]]


def record_ci_py(tvm, scratch):
    root = os.path.join(scratch, "ci-py")
    for folder in ("tests/scripts", "docker", "ci/jenkins"):
        os.makedirs(os.path.join(root, folder))
    shutil.copy(os.path.join(tvm, "tests", "scripts", "ci.py"), os.path.join(root, "tests", "scripts"))
    for name in ("bash.sh", "dev_common.sh"):
        shutil.copy(os.path.join(tvm, "docker", name), os.path.join(root, "docker"))
    shutil.copy(os.path.join(tvm, "ci", "jenkins", "docker-images.ini"), os.path.join(root, "ci", "jenkins"))
    ident = identity()
    recorded = {}
    for command in CI_PY_COMMANDS:
        log = os.path.join(scratch, "ci-py-docker.log")
        if os.path.exists(log):
            os.remove(log)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SCCACHE_", "JENKINS", "CUDA_"))}
        env.update({"PATH": FAKE_DOCKER + ":" + env["PATH"], "FAKE_DOCKER_LOG": log, "CI": "1", "DEBUG": "1",
                    "HOME": os.path.join(scratch, "home")})
        result = subprocess.run(["python3", "tests/scripts/ci.py", *command], cwd=root, env=env,
                                capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"ci.py {' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
        with open(log) as f:
            calls = [c.strip("\n").split("\n") for c in f.read().split("--\n") if c.strip()]
        argv = next(c for c in calls if c[0] == "run")
        name = argv[argv.index("--name") + 1]
        scripts = os.path.join(root, ".ci-py-scripts")
        with open(os.path.join(scripts, f"{name}.sh")) as f:
            script = f.read().split("\n")
        shutil.rmtree(scripts)
        argv = [a.replace(name, "{NAME}") for a in ["docker", *argv]]
        recorded[" ".join(command)] = {"argv": normalize(argv, root, "/nonexistent", ident),
                                       "script": [l.replace(name, "{NAME}") for l in script if l]}
    return recorded


def main():
    tvm = os.path.realpath(os.environ.get("TVM_HOME") or sys.exit("set TVM_HOME to a TVM checkout"))
    output = sys.argv[2] if len(sys.argv) == 3 and sys.argv[1] == "--output" else HERE
    layout = layout_of(tvm)
    with tempfile.TemporaryDirectory(prefix="tvm-build-record-") as scratch:
        scratch = os.path.realpath(scratch)
        outputs = {f"bash-sh.{layout}.json": record_bash_sh(tvm, layout, scratch),
                   f"presets.{layout}.json": {"presets": record_presets(tvm, scratch), "environment": SCRIPT_ENV}}
        if layout == "main":
            outputs["ci-py.main.json"] = record_ci_py(tvm, scratch)
    for name, value in outputs.items():
        with open(os.path.join(output, name), "w") as f:
            json.dump(value, f, indent=1)
            f.write("\n")
        print(f"wrote {os.path.join(output, name)}")


if __name__ == "__main__":
    main()
