// ruff.cjs end to end: --fix with ruff's WebAssembly build as Lint installs it into tvm-build's cache (skipped when
// no version is there yet: `./build.sh Lint` on a tree that pins ruff installs it), and a stand-in build's output.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync } = require("child_process");

const cache = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "tvm-build", "npm");
const wasm = (() => {
  const prefix = "@astral-sh+ruff-wasm-nodejs@";
  const versions = fs.existsSync(cache) ? fs.readdirSync(cache).filter((d) => d.startsWith(prefix)) : [];
  const found = versions.map((d) => path.join(cache, d, "node_modules", "@astral-sh", "ruff-wasm-nodejs"))
    .filter((d) => fs.existsSync(path.join(d, "package.json")));
  return found[0] ?? null;
})();
const skip = wasm ? false : `no @astral-sh/ruff-wasm-nodejs in ${cache}`;

/** Runs ruff.cjs check --fix on one file with these rules selected: its output and the file afterwards. */
function fix(src, select, target = "py39") {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ruff-fix-"));
  try {
    fs.writeFileSync(path.join(dir, "pyproject.toml"), `[tool.ruff]\ntarget-version = "${target}"\n` +
      `[tool.ruff.lint]\nselect = ${JSON.stringify(select)}\n`);
    fs.writeFileSync(path.join(dir, "a.py"), src);
    let output;
    try {
      output = execFileSync(process.execPath, ["--liftoff-only", path.join(__dirname, "..", "ruff.cjs"), "--wasm", wasm,
        "check", "--fix", "a.py"], { cwd: dir, encoding: "utf8" });
    } catch (e) { output = e.stdout; }
    return { output, code: fs.readFileSync(path.join(dir, "a.py"), "utf8") };
  } finally { fs.rmSync(dir, { recursive: true, force: true }); }
}

test("unused imports that are a block's whole body leave a pass, not an empty block", { skip }, () => {
  const src = "def f():\n    import re\n    import abc\n\n\nclass C:\n    def g(self):\n        import enum\n" +
    "        import typing\n";
  const { output, code } = fix(src, ["F401"]);
  assert.strictEqual(code, "def f():\n    pass\n\n\nclass C:\n    def g(self):\n        pass\n");
  assert.strictEqual(output, "fixed a.py\n");
});

test("columns after a character outside the BMP are counted as ruff counts them", { skip }, () => {
  const { code } = fix("s = '😀'; import os\nprint(s)\n", ["F401"]);
  assert.strictEqual(code, "s = '😀'; \nprint(s)\n");
});

test("an import edit two fixes share is made once, with the rest of both fixes", { skip }, () => {
  // UP017 (datetime.UTC) on each use: the same edit of the import, and the use.
  const src = "from datetime import timezone\n\na = timezone.utc\nb = timezone.utc\n";
  const { code } = fix(src, ["UP017"], "py311");
  assert.strictEqual(code, "from datetime import timezone, UTC\n\na = UTC\nb = UTC\n");
});

/** Runs ruff.cjs on a.py with a stand-in for the WebAssembly build (the body of its Workspace class): status, output,
 * a.py afterwards. */
function standIn(workspace, src, ...mode) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ruff-stand-in-"));
  try {
    fs.mkdirSync(path.join(dir, "wasm"));
    fs.writeFileSync(path.join(dir, "wasm", "index.js"), `module.exports.Workspace = class {
      static version() { return "0.12.3"; }\n${workspace}\n};\n`);
    fs.writeFileSync(path.join(dir, "a.py"), src);
    let status = 0, output;
    try {
      output = execFileSync(process.execPath, [path.join(__dirname, "..", "ruff.cjs"), "--wasm",
        path.join(dir, "wasm"), ...mode, "a.py"], { cwd: dir, encoding: "utf8" });
    } catch (e) { status = e.status; output = e.stdout; }
    return { status, output, code: fs.readFileSync(path.join(dir, "a.py"), "utf8") };
  } finally { fs.rmSync(dir, { recursive: true, force: true }); }
}

test("a token list the driver cannot read is one error line and exit 2, not lost noqa directives", () => {
  const { status, output } = standIn(`
    check() { const at = { row: 1, column: 8 }; return [{ code: "F401", message: "unused", start_location: at,
      end_location: at, fix: null }]; }
    tokens() { return "Tokens { kinds: [Import, Name, Comment] }"; }`, "import os  # noqa: F401\n", "check");
  assert.strictEqual(status, 2);
  assert.match(output, /^a\.py: error: cannot read ruff's token list \(Workspace\.tokens\): it does not look like/);
  assert.strictEqual(output.split("\n").filter(Boolean).length, 1);
});

test("fixes that make the file unparsable are reverted, with an error and the findings of the file as it was", () => {
  // The stand-in's fix deletes the colon of `def f():`, which its parser then rejects.
  const { status, output, code } = standIn(`
    check(src) {
      const at = (column) => ({ row: 1, column });
      if (!src.includes(":")) return [{ code: null, message: "SyntaxError: expected ':'", start_location: at(9),
        end_location: at(9), fix: null }];
      return [{ code: "F401", message: "unused", start_location: at(8), end_location: at(9),
        fix: { message: null, edits: [{ location: at(8), end_location: at(9), content: null }] } }];
    }
    comments(src) { if (!src.includes(":")) throw new Error("Expected ':' at byte range 8..9"); return ""; }`,
  "def f(): pass\n", "check", "--fix");
  assert.strictEqual(code, "def f(): pass\n");
  assert.strictEqual(status, 2);
  assert.strictEqual(output, "a.py: error: the fixes of F401 introduced a syntax error (Expected ':' at byte range " +
    "8..9): the file is left as it was\na.py:1:8: F401 unused\n");
});
