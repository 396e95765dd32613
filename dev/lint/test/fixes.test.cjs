// ruff/fixes.cjs: one pass of ruff's apply_fixes on the WebAssembly build's diagnostics (node --test dev/lint/test/).
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { applyFixes, locator } = require("../ruff/fixes.cjs");

/** A diagnostic as Workspace.check gives it; each edit is [row, column, endRow, endColumn, content]. */
function diag(code, edits, at = edits[0]) {
  const loc = (row, column) => ({ row, column });
  return {
    code, message: code, start_location: loc(at[0], at[1]), end_location: loc(at[0], at[1]),
    fix: { message: null, edits: edits.map(([r, c, er, ec, content]) => ({ location: loc(r, c),
      end_location: loc(er, ec), content: content ?? null })) },
  };
}

const apply = (src, diags, options = {}) => applyFixes(src, diags, { locate: locator(src, "chars"), ...options });

test("a fix with two edits is applied whole", () => {
  const src = "x = foo(a)\n";
  const { code, applied } = apply(src, [diag("UP000", [[1, 5, 1, 8, "bar"], [1, 9, 1, 10, "b"]])]);
  assert.strictEqual(code, "x = bar(b)\n");
  assert.strictEqual(applied.length, 1);
});

test("edits of a fix are applied in position order, whatever order ruff lists them in", () => {
  const { code } = apply("abc\n", [diag("X1", [[1, 3, 1, 4, "C"], [1, 1, 1, 2, "A"]])]);
  assert.strictEqual(code, "AbC\n");
});

test("a fix overlapping an applied one is skipped whole, none of its edits applied", () => {
  const src = "a = 1\nb = 2\nc = 3\n";
  const first = diag("X1", [[1, 1, 1, 2, "A"], [2, 1, 2, 2, "B"]]);
  // Its first edit, on line 1, comes after the first fix's start, overlaps its edit on line 2; its other edit on line
  // 3 overlaps nothing and must not be applied either.
  const second = diag("X2", [[1, 5, 2, 2, "q"], [3, 1, 3, 2, "C"]]);
  const { code, applied } = apply(src, [second, first]);
  assert.strictEqual(code, "A = 1\nB = 2\nc = 3\n");
  assert.deepStrictEqual(applied, [first]);
});

test("the old edit-by-edit failure: a later fix's edit that starts inside an applied one skips the whole fix", () => {
  const src = "import a, b\n";
  const wide = diag("F401", [[1, 1, 2, 1, ""]]);
  const narrow = diag("I001", [[1, 8, 1, 9, "z"], [1, 11, 1, 12, "y"]]);
  assert.strictEqual(apply(src, [narrow, wide]).code, "");
});

test("an edit starting where the last applied one ends waits for the next pass, as in ruff", () => {
  const { code, applied } = apply("abcd\n", [diag("X1", [[1, 1, 1, 3, "AB"]]), diag("X2", [[1, 3, 1, 5, "CD"]])]);
  assert.strictEqual(code, "ABcd\n");
  assert.strictEqual(applied.length, 1);
});

test("an identical insertion from two fixes is applied once", () => {
  const src = "def f():\n    return x\n";
  const add = [1, 1, 1, 1, "import x\n"];
  const one = diag("F821", [add]);
  const two = diag("F821", [add, [2, 12, 2, 13, "x.y"]], [2, 12]);
  const { code, applied } = apply(src, [one, two]);
  assert.strictEqual(code, "import x\ndef f():\n    return x.y\n");
  assert.deepStrictEqual(applied, [one, two]);
});

test("a fix all of whose edits are already applied counts as applied and changes nothing", () => {
  const edit = [1, 1, 1, 2, "X"];
  const { code, applied } = apply("ab\n", [diag("A1", [edit]), diag("A2", [edit])]);
  assert.strictEqual(code, "Xb\n");
  assert.strictEqual(applied.length, 2);
});

test("F811 fixes go first, even after a fix that starts earlier", () => {
  const src = "import os\nimport os\n";
  const unused = diag("F401", [[1, 1, 2, 1, ""]]);
  const redefined = diag("F811", [[2, 1, 3, 1, ""]]);
  const { code, applied } = apply(src, [unused, redefined]);
  assert.strictEqual(code, "import os\n");
  assert.deepStrictEqual(applied, [redefined]); // F401 starts before the applied F811 edit ends: skipped
});

test("at the same start D400 goes before D209, and SIM401 before SIM108", () => {
  const src = '"""Text"""\n';
  const d209 = diag("D209", [[1, 8, 1, 8, "\n"]]);
  const d400 = diag("D400", [[1, 8, 1, 8, "."]]);
  assert.strictEqual(apply(src, [d209, d400]).code, '"""Text."""\n');
  const sim108 = diag("SIM108", [[1, 1, 1, 2, "b"]]);
  const sim401 = diag("SIM401", [[1, 1, 1, 2, "d"]]);
  assert.strictEqual(apply("x\n", [sim108, sim401]).code, "d\n");
});

test("other fixes at the same start keep ruff's order", () => {
  const { code } = apply("x\n", [diag("B2", [[1, 1, 1, 2, "b"]]), diag("A1", [[1, 1, 1, 2, "a"]])]);
  assert.strictEqual(code, "b\n");
});

test("a diagnostic without a fix, or without a code (a syntax error), is not applied", () => {
  const plain = { ...diag("E501", [[1, 1, 1, 2, "?"]]), fix: null };
  const syntax = { ...diag("X", [[1, 1, 1, 2, "?"]]), code: null };
  assert.deepStrictEqual(apply("ab\n", [plain, syntax]), { code: "ab\n", applied: [] });
});

test("one fix per isolation group and pass; a fix skipped for overlapping still claims its group", () => {
  const src = "if x:\n    import a\n    import b\nimport c\n";
  const fa = diag("F401", [[2, 1, 3, 1, ""]], [2, 12]);
  const fb = diag("F401", [[3, 1, 4, 1, ""]], [3, 12]);
  const fc = diag("F401", [[4, 1, 5, 1, ""]], [4, 8]);
  const groups = () => (index) => (index < src.indexOf("import c") ? 0 : 1);
  const options = { isolated: (code) => code === "F401", groups };
  assert.strictEqual(apply(src, [fa, fb, fc], options).code, "if x:\n    import b\n");
  const wide = diag("X1", [[2, 1, 2, 13, ""]]);
  assert.strictEqual(apply(src, [wide, fa, fb], options).code, "if x:\n\n    import b\nimport c\n");
});

test("isolation groups are only asked for when two fixes of isolating rules meet", () => {
  const groups = () => assert.fail("groups asked for one isolated fix");
  const { code } = apply("ab\n", [diag("F401", [[1, 1, 1, 2, ""]])], { isolated: () => true, groups });
  assert.strictEqual(code, "b\n");
});

test("edits of one fix that overlap each other fail loudly (ruff panics)", () => {
  assert.throws(() => apply("abc\n", [diag("X1", [[1, 1, 1, 3, ""], [1, 2, 1, 4, ""]])]), /edits overlap/);
});

test("locator: code points (ruff before 0.13.2, byte-order mark not counted) or UTF-16 columns", () => {
  const src = "\ufeffa = '😀'; b\r\nc\rd\n";
  const chars = locator(src, "chars"), utf16 = locator(src, "utf16");
  assert.strictEqual(src[chars({ row: 1, column: 10 })], "b");
  assert.strictEqual(src[utf16({ row: 1, column: 12 })], "b");
  assert.strictEqual(src[chars({ row: 2, column: 1 })], "c");
  assert.strictEqual(src[chars({ row: 3, column: 1 })], "d");
  assert.strictEqual(chars({ row: 4, column: 1 }), src.length);
  assert.throws(() => chars({ row: 5, column: 1 }), /outside the file/);
});
