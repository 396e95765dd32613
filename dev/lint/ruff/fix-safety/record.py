#!/usr/bin/env python3
"""Records which ruff rules may carry a fix ruff's CLI applies only with --unsafe-fixes (or never: display-only).

ruff's WebAssembly API returns a diagnostic's fix edits without their applicability, so dev/lint/ruff.cjs --fix
applies the fixes of the rules listed here only when... never: it leaves them as findings, as `ruff check --fix`
leaves an unsafe fix. A rule is listed when the file that defines it builds an unsafe or display-only fix, or when
its documentation has a "Fix safety" section (ruff documents every rule whose fix may be unsafe there). Listing a
rule whose fix is sometimes safe only means that --fix reports it instead of fixing it.

The API does not give a fix's isolation either (ruff applies one fix per isolation group, the statement's parent, in
a pass): "isolated" lists the rules whose file builds an isolated fix (`.isolate(`), and --fix applies at most one of
their fixes per top-level statement in a pass (dev/lint/ruff/fixes.cjs).

    python3 record.py RUFF_GIT_DIR TAG > TAG.json     (e.g. a clone of astral-sh/ruff, 0.12.3)
"""
import json
import re
import subprocess
import sys

git_dir, tag = sys.argv[1], sys.argv[2]


def show(path):
    return subprocess.run(["git", "-C", git_dir, "show", f"{tag}:{path}"], check=True, capture_output=True,
                          text=True).stdout


registry = show("crates/ruff_linter/src/registry.rs")
prefixes = dict((name, prefix) for prefix, name in
                re.findall(r'#\[prefix = "(\w+)"\]\s*(?:#\[[^\]]*\]\s*)*(\w+),', registry))
codes = re.findall(r'\((\w+), "(\w+)"\) => \(RuleGroup::\w+, rules::([\w:]+)::(\w+)\)',
                   show("crates/ruff_linter/src/codes.rs"))
files = subprocess.run(["git", "-C", git_dir, "ls-tree", "-r", "--name-only", tag, "crates/ruff_linter/src/rules/"],
                       check=True, capture_output=True, text=True).stdout.split()
sources = {}
unsafe = re.compile(r"Fix::unsafe_edits?|Applicability::Unsafe|Fix::display_only|Applicability::DisplayOnly|"
                    r"unsafe_edits?\(|display_only_edits?\(")
listed = []
isolated = []
for linter, number, module, struct in codes:
    code = number if number[:1].isalpha() and linter == "Pycodestyle" else prefixes[linter] + number
    plugin = module.split("::")[0]
    candidates = [f for f in files if f.startswith(f"crates/ruff_linter/src/rules/{plugin}/") and f.endswith(".rs")]
    for path in candidates:
        if path not in sources:
            sources[path] = show(path)
        text = sources[path]
        match = re.search(r"((?:\s*///[^\n]*\n)*)(?:#\[[^\n]*\]\s*)*pub(?:\(crate\))? struct " + struct + r"\b", text)
        if match:
            if unsafe.search(text) or "## Fix safety" in match.group(1):
                listed.append(code)
            if ".isolate(" in text:
                isolated.append(code)
            break
json.dump({"ruff": tag, "unsafe_or_display_only": sorted(set(listed)), "isolated": sorted(set(isolated))}, sys.stdout,
          indent=0)
print()
