// ruff/globset.cjs: the glob dialect of Rust's globset with its default options, as ruff uses it for exclude and
// per-file-ignores.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { compile, escapeGlob } = require("../ruff/globset.cjs");

const matches = (glob, path) => compile(glob).test(path);

test("* and ? also match /, and a glob matches the whole path", () => {
  assert.ok(matches("*.py", "a.py"));
  assert.ok(matches("*.py", "dir/a.py"));
  assert.ok(matches("a?c", "a/c"));
  assert.ok(!matches("*.py", "a.pyi"));
  assert.ok(!matches("a", "ab"));
});

test("** as a whole component spans directories, at the start, the end or in the middle", () => {
  assert.ok(matches("**/test.py", "test.py"));
  assert.ok(matches("**/test.py", "a/b/test.py"));
  assert.ok(matches("lib/**", "lib/x"));
  assert.ok(matches("lib/**", "lib/x/y.py"));
  assert.ok(!matches("lib/**", "lib"));
  assert.ok(!matches("lib/**", "library/x"));
  assert.ok(matches("a/**/b", "a/b"));
  assert.ok(matches("a/**/b", "a/x/y/b"));
  assert.ok(!matches("a/**/b", "ab"));
  assert.ok(matches("**", "any/thing"));
  assert.ok(matches("a**b", "a/x/b")); // not a whole component: two stars
});

test("alternatives, character classes (negated with ! or ^) and escapes", () => {
  assert.ok(matches("*.{py,pyi}", "a.pyi"));
  assert.ok(!matches("*.{py,pyi}", "a.pyx"));
  assert.ok(matches("[ab].py", "b.py"));
  assert.ok(!matches("[!ab].py", "a.py"));
  assert.ok(matches("[^ab].py", "c.py"));
  assert.ok(matches("\\*.py", "*.py"));
  assert.ok(!matches("\\*.py", "a.py"));
  assert.ok(matches("a.b", "a.b"));
  assert.ok(!matches("a.b", "axb"));
  assert.ok(matches("(x)+", "(x)+"));
});

test("an unclosed class or alternation is an error naming the glob", () => {
  assert.throws(() => compile("[ab"), /invalid glob "\[ab": unclosed character class/);
  assert.throws(() => compile("{a,b"), /invalid glob "\{a,b": unclosed alternation/);
});

test("escapeGlob makes a literal path match only itself inside a glob", () => {
  const root = "/tmp/odd[1]{x}*?";
  assert.ok(compile(escapeGlob(root) + "/*.py").test(root + "/a.py"));
  assert.ok(!compile(escapeGlob(root) + "/*.py").test("/tmp/odd1x/a.py"));
});
