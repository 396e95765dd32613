// ruff.cjs - runs ruff through its WebAssembly build (npm @astral-sh/ruff-wasm-nodejs, the version the tree pins),
// as `ruff check --force-exclude` / `ruff format --force-exclude` would on the same files (ruff-pre-commit's hooks).
// ruff itself is not installable here (no PyPI, not in Debian 12), and its WebAssembly build sees source text only:
// ruff/settings.cjs resolves what the CLI takes from each file's path, and each file gets a Workspace with those
// options. Run from the tree's root:
//   node ruff.cjs --wasm DIR check  [--fix]   FILE...
//   node ruff.cjs --wasm DIR format [--check] FILE...
// DIR is the installed @astral-sh/ruff-wasm-nodejs. check prints "PATH:ROW:COL: CODE message" per diagnostic (exit 1
// if any); --fix first applies the safe fixes, whole, as ruff does (ruff/fixes.cjs), and prints "fixed PATH". format
// --check prints "PATH: would reformat" (exit 1 if any); plain format rewrites and prints "reformatted PATH". A file
// ruff's CLI would lint in a way the WebAssembly build cannot (a .pyi stub, a notebook) is named: "PATH: not checked:
// REASON". A configuration or file error, ruff output the driver cannot read, or fixes that broke the file's syntax
// (reverted, as ruff reverts them): "PATH: error: ...", exit 2.
"use strict";
const fs = require("fs");
const path = require("path");
const settings = require("./ruff/settings.cjs");
const { Workspaces } = require("./ruff/workspaces.cjs");
const { check, needsDirectives } = require("./ruff/check.cjs");
const { applyFixes, locator } = require("./ruff/fixes.cjs");
const { tokens } = require("./ruff/directives.cjs");
const { topLevelGroups } = require("./ruff/statements.cjs");

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
// The same table names the rules whose fixes ruff isolates; without that list every rule is taken to (fixes.cjs).
const [safety, isolating] = (() => {
  const table = path.join(__dirname, "ruff", "fix-safety", `${Workspace.version()}.json`);
  if (!fs.existsSync(table)) return [null, null];
  const recorded = JSON.parse(fs.readFileSync(table, "utf8"));
  return [new Set(recorded.unsafe_or_display_only), recorded.isolated ? new Set(recorded.isolated) : null];
})();
const isolated = (code) => isolating === null || isolating.has(code);
// Diagnostic columns: code points before 0.13.2 (which ignores the encoding argument), UTF-16 from then on.
const [major, minor, patch] = Workspace.version().split(".").map(Number);
const columns = major > 0 || minor > 13 || (minor === 13 && patch >= 2) ? "utf16" : "chars";
// F401's fix is unsafe only in __init__.py (ruff's documentation of the rule).
const isSafeFix = (d, file) => safety !== null && d.fix
  && (!safety.has(d.code) || (d.code === "F401" && path.basename(file) !== "__init__.py"));
if (fix && safety === null) {
  print(`ruff ${Workspace.version()}: no fix-safety table (dev/lint/ruff/fix-safety): fixes not applied`);
}

/** ruff's lint_fix: apply the safe fixes, lint again, until none is left (at most 100 passes, as ruff). Fixes that
 * make a file that had no syntax error unparsable are all reverted, as ruff reverts them: the error, and the findings
 * of the file as it was. */
function fixLoop(ws, file, src, diags) {
  const parsedBefore = !diags.some((d) => !d.code);
  const rules = new Set();
  let cur = src;
  for (let pass = 0; pass < 100 && diags.some((d) => isSafeFix(d, file)); pass++) {
    const { code, applied } = applyFixes(cur, diags.filter((d) => isSafeFix(d, file)), {
      locate: locator(cur, columns), isolated, groups: () => topLevelGroups(tokens(ws, cur), cur) });
    if (code === cur) break;
    for (const d of applied) rules.add(d.code);
    cur = code;
    diags = check(ws, cur, withDirectives);
    const broken = parsedBefore && diags.some((d) => !d.code) ? parseError(ws, cur) : null;
    if (broken) {
      const error = `the fixes of ${[...rules].sort().join(", ")} introduced a syntax error (${broken}): the file is ` +
        "left as it was";
      return { code: src, diags: check(ws, src, withDirectives), error };
    }
  }
  return { code: cur, diags, error: null };
}

/** The parser's first error (the WebAssembly build's comments() parses strictly, as lint_fix asks), or null. A syntax
 * diagnostic that is not a parse error (syntax the target version lacks) does not revert fixes in ruff either. */
function parseError(ws, src) {
  try { ws.comments(src); return null; } catch (e) { return String(e.message ?? e).split("\n")[0]; }
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
  let diags;
  try {
    diags = check(ws, src, withDirectives);
    if (fix) {
      const result = fixLoop(ws, file, src, diags);
      diags = result.diags;
      if (result.error) { print(`${file}: error: ${result.error}`); status = 2; }
      else if (result.code !== src) { fs.writeFileSync(file, result.code); print(`fixed ${file}`); }
    }
  } catch (e) { print(`${file}: error: ${e.message ?? e}`); status = 2; continue; }
  const at = (d) => d.start_location;
  diags.sort((a, b) => at(a).row - at(b).row || at(a).column - at(b).column);
  for (const d of diags) print(`${file}:${at(d).row}:${at(d).column}: ${d.code || "syntax-error"} ${d.message}`);
  if (diags.length) status = Math.max(status, 1);
}
process.exit(status);
