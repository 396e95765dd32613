// ruff/directives.cjs reads Workspace.tokens' Debug list, and fails loudly where it cannot; ruff/statements.cjs finds
// the top-level statements (fixes' isolation groups) in it.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { tokens, noqaLines, lineStarts } = require("../ruff/directives.cjs");
const { topLevelStarts, topLevelGroups } = require("../ruff/statements.cjs");

const SRC = "# c\nif a:\n    b\nelse:\n    c\n@d\ndef f(): e\nx = 1; y\n";
// What ruff 0.12.3's Workspace.tokens prints for SRC.
const LISTED = `[
    Comment 0..3,
    NonLogicalNewline 3..4,
    If 4..6,
    Name 7..8,
    Colon 8..9,
    Newline 9..10,
    Indent 10..14,
    Name 14..15,
    Newline 15..16,
    Dedent 16..16,
    Else 16..20,
    Colon 20..21,
    Newline 21..22,
    Indent 22..26,
    Name 26..27,
    Newline 27..28,
    Dedent 28..28,
    At 28..29,
    Name 29..30,
    Newline 30..31,
    Def 31..34,
    Name 35..36,
    Lpar 36..37,
    Rpar 37..38,
    Colon 38..39,
    Name 40..41,
    Newline 41..42,
    Name 42..43,
    Equal 44..45,
    Int 46..47,
    Semi 47..48,
    Name 49..50,
    Newline 50..51,
]`;
const workspace = (text) => ({ tokens: () => text });

test("tokens: each line of the list, with its byte range and flags", () => {
  const toks = tokens(workspace(LISTED), SRC);
  assert.strictEqual(toks.length, 33);
  assert.deepStrictEqual(toks[0], { kind: "Comment", start: 0, end: 3, flags: "" });
  const flagged = tokens(workspace("[\n    String 0..9 (flags = TRIPLE_QUOTED_STRING | F_STRING),\n]"), "'''a\n'''\n");
  assert.deepStrictEqual(flagged, [{ kind: "String", start: 0, end: 9, flags: "TRIPLE_QUOTED_STRING | F_STRING" }]);
  assert.deepStrictEqual(tokens(workspace("[]"), ""), []);
  assert.deepStrictEqual(tokens(workspace("[]"), " \n"), []);
});

test("tokens: an output in another form fails loudly instead of dropping the directives", () => {
  const unreadable = /cannot read ruff's token list \(Workspace\.tokens\): .*directives\.cjs needs updating/;
  // A file with text and no tokens: the old reader gave [] here, and every noqa and isort directive was lost.
  assert.throws(() => tokens(workspace("[]"), "import os  # noqa\n"), /no tokens for a file that has text/);
  assert.throws(() => tokens(workspace("[]"), "import os  # noqa\n"), unreadable);
  const newFormat = "[\n    Token { kind: Name, range: 0..1 },\n]";
  assert.throws(() => tokens(workspace(newFormat), "x\n"), /unexpected line "    Token \{ kind: Name/);
  assert.throws(() => tokens(workspace("Tokens([])"), "x\n"), /does not look like/);
  assert.throws(() => tokens(workspace("[\n    Name 0..9,\n]"), "x\n"), /outside the file's 2 bytes/);
  const oneBad = LISTED.replace("    Colon 8..9,", "    Colon 8..9");
  assert.throws(() => tokens(workspace(oneBad), SRC), /unexpected line "    Colon 8\.\.9"/);
});

test("noqaLines: a line inside a triple-quoted string maps to the string's last line", () => {
  const src = "x = '''\na\n'''  # noqa\n";
  const toks = tokens(workspace(`[
    Name 0..1,
    Equal 2..3,
    String 4..13 (flags = TRIPLE_QUOTED_STRING),
    Comment 15..21,
    Newline 21..22,
]`), src);
  const map = noqaLines(toks, Buffer.from(src), lineStarts(Buffer.from(src)));
  assert.deepStrictEqual([...map], [[1, 3], [2, 3]]);
});

test("top-level statements: else and decorated definitions belong to the statement before", () => {
  const toks = tokens(workspace(LISTED), SRC);
  assert.deepStrictEqual(topLevelStarts(toks), [4, 28, 42]);
  const group = topLevelGroups(toks, SRC);
  assert.deepStrictEqual([0, 4, SRC.indexOf("    b"), SRC.indexOf("    c"), SRC.indexOf("def"), SRC.indexOf("; y")]
    .map(group), [-1, 0, 0, 0, 1, 2]);
});

test("top-level groups count UTF-8 bytes, not string indices", () => {
  const src = "s = '😀'\nt\n";
  const toks = tokens(workspace("[\n    Name 0..1,\n    Equal 2..3,\n    String 4..10,\n    Newline 10..11,\n" +
    "    Name 11..12,\n    Newline 12..13,\n]"), src);
  const group = topLevelGroups(toks, src);
  assert.strictEqual(group(src.indexOf("t")), 1);
  assert.strictEqual(group(src.indexOf("t") - 1), 0);
});
