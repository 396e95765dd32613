// ruff.cjs - drives ruff through its official WebAssembly build (npm @astral-sh/ruff-wasm-nodejs),
// because ruff itself is not installable here (no PyPI, not in Debian 12). TOML is parsed with smol-toml.
// Run from this folder's node_modules (npm install --prefix dev/lint):
//   node ruff.cjs check  [--fix]   [--config pyproject.toml|ruff.toml] FILE...
//   node ruff.cjs format [--check] [--config pyproject.toml|ruff.toml] FILE...
// check prints "PATH:ROW:COL: CODE message" per diagnostic (exit 1 if any); --fix applies the fix edits
// that ruff attaches to diagnostics and prints "fixed PATH". format --check prints "PATH: would reformat"
// (exit 1 if any); plain format rewrites and prints "reformatted PATH". Unreadable file: "PATH: cannot read", exit 2.
// exclude/extend-exclude and lint.per-file-ignores are applied here (the wasm API has no file-path notion).
"use strict";
const fs = require("fs");
const path = require("path");
const { Workspace } = require("@astral-sh/ruff-wasm-nodejs");
const TOML = require("smol-toml");

const args = process.argv.slice(2);
const mode = args.shift();
let fix = false, checkOnly = false, configPath = null;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--fix") fix = true;
  else if (args[i] === "--check") checkOnly = true;
  else if (args[i] === "--config") configPath = args[++i];
  else files.push(args[i]);
}
if (mode !== "check" && mode !== "format") {
  console.error("usage: node ruff.cjs check [--fix] | format [--check] [--config FILE] FILE...");
  process.exit(2);
}

// --- configuration ---
let opts = {}, root = process.cwd();
if (configPath) {
  const doc = TOML.parse(fs.readFileSync(configPath, "utf8"));
  opts = path.basename(configPath) === "pyproject.toml" ? (doc.tool && doc.tool.ruff) || {} : doc;
  root = path.dirname(path.resolve(configPath));
}
const lint = opts.lint || {};
const excludes = [...(opts.exclude || []), ...(opts["extend-exclude"] || [])];
const perFileIgnores = { ...(opts["per-file-ignores"] || {}), ...(lint["per-file-ignores"] || {}) };
const wsOpts = JSON.parse(JSON.stringify(opts));
for (const k of ["exclude", "extend-exclude", "include", "extend-include", "per-file-ignores", "extend", "cache-dir"]) delete wsOpts[k];
if (wsOpts.lint) for (const k of ["per-file-ignores", "extend-per-file-ignores"]) delete wsOpts.lint[k];

function dropKey(obj, key) { // remove the first occurrence of a key, searching depth-first
  if (!obj || typeof obj !== "object") return false;
  if (key in obj) { delete obj[key]; return true; }
  return Object.values(obj).some((v) => dropKey(v, key));
}
let ws;
for (let tries = 0; !ws; tries++) {
  try { ws = new Workspace(wsOpts, 1 /* PositionEncoding.Utf16, matches JS strings */); }
  catch (e) {
    const m = /unknown field `([^`]+)`/.exec(String(e));
    if (!m || tries > 20 || !dropKey(wsOpts, m[1])) { console.error(`ruff config error: ${e}`); process.exit(2); }
    console.error(`ruff.cjs: ignoring unsupported setting '${m[1]}'`);
  }
}

// --- glob matching (ruff semantics, approximately: pattern vs. relative path, any parent dir, or basename) ---
function globRe(g) {
  let re = "";
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === "*" && g[i + 1] === "*") { re += g[i + 2] === "/" ? "(?:.*/)?" : ".*"; i += g[i + 2] === "/" ? 2 : 1; }
    else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += /[.+^${}()|[\]\\]/.test(c) ? "\\" + c : c;
  }
  return new RegExp("^" + re + "$");
}
function matches(file, pattern) {
  const rel = path.relative(root, path.resolve(file)).split(path.sep).join("/");
  const re = globRe(pattern.replace(/^\.\//, "").replace(/\/$/, ""));
  const parts = rel.split("/");
  return parts.some((p, i) => re.test(p) || re.test(parts.slice(0, i + 1).join("/")));
}

function applyEdits(src, diags) { // apply non-overlapping fix edits, last first
  const lines = src.split("\n"), starts = [0];
  for (const l of lines) starts.push(starts[starts.length - 1] + l.length + 1);
  const off = (loc) => starts[loc.row - 1] + loc.column - 1;
  const edits = [];
  for (const d of diags) if (d.fix) for (const e of d.fix.edits) edits.push({ s: off(e.location), e: off(e.end_location), t: e.content || "" });
  edits.sort((a, b) => b.s - a.s);
  let out = src, lastStart = Infinity;
  for (const e of edits) {
    if (e.e > lastStart) continue; // overlaps an edit already applied; picked up on next pass
    out = out.slice(0, e.s) + e.t + out.slice(e.e);
    lastStart = e.s;
  }
  return out;
}

let status = 0;
for (const file of files) {
  if (!/\.pyi?$/.test(file) || excludes.some((p) => matches(file, p))) continue;
  let src;
  try { src = fs.readFileSync(file, "utf8"); } catch { console.log(`${file}: cannot read`); status = 2; continue; }
  // The wasm API sees contents, not paths: stubs (.pyi) would be read as modules, so they are left to
  // ruff itself (--docker ci_lint); a package's __init__.py defines __path__ and may list submodules in __all__.
  if (file.endsWith(".pyi")) continue;
  if (mode === "format") {
    let out;
    try { out = ws.format(src); } catch (e) { console.log(`${file}: cannot format: ${e}`); status = 2; continue; }
    if (out === src) continue;
    if (checkOnly) { console.log(`${file}: would reformat`); status = Math.max(status, 1); }
    else { fs.writeFileSync(file, out); console.log(`reformatted ${file}`); }
    continue;
  }
  const ignored = new Set(Object.entries(perFileIgnores).filter(([p]) => matches(file, p)).flatMap(([, c]) => c));
  const isPackage = file.endsWith("__init__.py");
  const isIgnored = (d) => [...ignored].some((c) => c === "ALL" || (d.code || "").startsWith(c)) ||
    (isPackage && (d.code === "F822" || (d.code === "F821" && d.message.includes("`__path__`"))));
  const lintOnce = (s) => ws.check(s).filter((d) => !isIgnored(d));
  let diags = lintOnce(src);
  if (fix) {
    let cur = src;
    for (let pass = 0; pass < 10 && diags.some((d) => d.fix); pass++) {
      const next = applyEdits(cur, diags.filter((d) => d.fix));
      if (next === cur) break;
      cur = next;
      diags = lintOnce(cur);
    }
    if (cur !== src) { fs.writeFileSync(file, cur); console.log(`fixed ${file}`); }
  }
  diags.sort((a, b) => a.start_location.row - b.start_location.row || a.start_location.column - b.start_location.column);
  for (const d of diags) console.log(`${file}:${d.start_location.row}:${d.start_location.column}: ${d.code || "syntax-error"} ${d.message}`);
  if (diags.length) status = Math.max(status, 1);
}
process.exit(status);
