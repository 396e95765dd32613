// ruff.cjs - runs ruff through its WebAssembly build (npm @astral-sh/ruff-wasm-nodejs, the version the tree pins),
// as `ruff check --force-exclude` / `ruff format --force-exclude` would on the same files (ruff-pre-commit's hooks).
// ruff itself is not installable here (no PyPI, not in Debian 12), and its WebAssembly build sees source text only:
// ruff/settings.cjs resolves what the CLI takes from each file's path, and each file gets a Workspace with those
// options. Run from the tree's root:
//   node ruff.cjs --wasm DIR check  [--fix]   FILE...
//   node ruff.cjs --wasm DIR format [--check] FILE...
// DIR is the installed @astral-sh/ruff-wasm-nodejs. check prints "PATH:ROW:COL: CODE message" per diagnostic (exit 1
// if any); --fix applies ruff's fix edits first and prints "fixed PATH". format --check prints "PATH: would reformat"
// (exit 1 if any); plain format rewrites and prints "reformatted PATH". A file ruff's CLI would lint in a way the
// WebAssembly build cannot (a .pyi stub, a notebook) is named: "PATH: not checked: REASON". A configuration or
// file error: "PATH: error: ...", exit 2.
"use strict";
const fs = require("fs");
const path = require("path");
const settings = require("./ruff/settings.cjs");
const { Workspaces } = require("./ruff/workspaces.cjs");
const { check, needsDirectives } = require("./ruff/check.cjs");

// Some builds log at debug level through console.log (their logger is set up on load): only ours goes to stdout.
const print = (line) => process.stdout.write(line + "\n");
console.log = console.debug = console.info = () => {};

const args = process.argv.slice(2);
let wasm = null, fix = false, checkOnly = false;
const files = [];
const mode = (() => {
  let found = null;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--wasm") wasm = args[++i];
    else if (args[i] === "--fix") fix = true;
    else if (args[i] === "--check") checkOnly = true;
    else if (!found && (args[i] === "check" || args[i] === "format")) found = args[i];
    else files.push(args[i]);
  }
  return found;
})();
if (!mode || !wasm) {
  console.error("usage: node ruff.cjs --wasm DIR check [--fix] | format [--check] FILE...");
  process.exit(2);
}
const { Workspace } = require(path.resolve(wasm));
const workspaces = new Workspaces(Workspace);
const withDirectives = needsDirectives(Workspace.version());

// The API gives fix edits without their applicability: only the fixes `ruff check --fix` applies (safe ones) are
// applied, from the table recorded from ruff's source for this version (ruff/fix-safety/record.py).
const safety = (() => {
  const table = path.join(__dirname, "ruff", "fix-safety", `${Workspace.version()}.json`);
  return fs.existsSync(table) ? new Set(JSON.parse(fs.readFileSync(table, "utf8")).unsafe_or_display_only) : null;
})();
// F401's fix is unsafe only in __init__.py (ruff's documentation of the rule).
const isSafeFix = (d, file) => safety !== null && d.fix
  && (!safety.has(d.code) || (d.code === "F401" && path.basename(file) !== "__init__.py"));
if (fix && safety === null) {
  print(`ruff ${Workspace.version()}: no fix-safety table (dev/lint/ruff/fix-safety): fixes not applied`);
}

function applyEdits(src, diags) { // non-overlapping fix edits, last first; the rest are picked up on the next pass
  const lines = src.split("\n"), starts = [0];
  for (const l of lines) starts.push(starts[starts.length - 1] + l.length + 1);
  const off = (loc) => starts[loc.row - 1] + loc.column - 1;
  const edits = [];
  for (const d of diags) {
    for (const e of d.fix ? d.fix.edits : []) {
      edits.push({ s: off(e.location), e: off(e.end_location), t: e.content || "" });
    }
  }
  edits.sort((a, b) => b.s - a.s);
  let out = src, lastStart = Infinity;
  for (const e of edits) {
    if (e.e > lastStart) continue;
    out = out.slice(0, e.s) + e.t + out.slice(e.e);
    lastStart = e.s;
  }
  return out;
}

let status = 0;
for (const file of files) {
  const absolute = path.resolve(file);
  let config;
  try { config = settings.configFor(absolute); }
  catch (e) { print(`${file}: error: ${e.message}`); status = 2; continue; }
  if (settings.excluded(absolute, config, mode)) continue;
  if (/\.pyi$/.test(file)) {
    print(`${file}: not checked: ruff's WebAssembly build has no stub (.pyi) mode`);
    continue;
  }
  if (/\.ipynb$/.test(file)) { print(`${file}: not checked: ruff's WebAssembly build reads no notebooks`); continue; }
  let src, ws;
  try { src = fs.readFileSync(file, "utf8"); } catch { print(`${file}: error: cannot read`); status = 2; continue; }
  try { ws = workspaces.forFile(absolute, config, mode); }
  catch (e) { print(`${file}: error: ruff settings: ${e.message ?? e}`); status = 2; continue; }
  if (mode === "format") {
    let out;
    try { out = ws.format(src); } catch (e) { print(`${file}: error: cannot format: ${e}`); status = 2; continue; }
    if (out === src) continue;
    if (checkOnly) { print(`${file}: would reformat`); status = Math.max(status, 1); }
    else { fs.writeFileSync(file, out); print(`reformatted ${file}`); }
    continue;
  }
  let diags = check(ws, src, withDirectives);
  if (fix) { // ruff's fix loop: apply, lint again, until nothing more is fixable (at most 100 passes, as ruff)
    let cur = src;
    for (let pass = 0; pass < 100 && diags.some((d) => isSafeFix(d, file)); pass++) {
      const next = applyEdits(cur, diags.filter((d) => isSafeFix(d, file)));
      if (next === cur) break;
      cur = next;
      diags = check(ws, cur, withDirectives);
    }
    if (cur !== src) { fs.writeFileSync(file, cur); print(`fixed ${file}`); }
  }
  const at = (d) => d.start_location;
  diags.sort((a, b) => at(a).row - at(b).row || at(a).column - at(b).column);
  for (const d of diags) print(`${file}:${at(d).row}:${at(d).column}: ${d.code || "syntax-error"} ${d.message}`);
  if (diags.length) status = Math.max(status, 1);
}
process.exit(status);
