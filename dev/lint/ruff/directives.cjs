// directives.cjs - the comment directives ruff's CLI extracts and the WebAssembly check() of ruff 0.12 to 0.13 does
// not (it calls extract_directives with Flags::empty(); fixed in 0.14): which line's `# noqa` covers a diagnostic
// inside a multi-line string or a backslash continuation (ruff's noqa_line_for), and isort's `# isort: skip_file`,
// `off`/`on`, `skip` and `split`. Ported from ruff 0.12.3, crates/ruff_linter/src/directives.rs, using the tokens
// the WebAssembly build itself returns (Workspace.tokens).
"use strict";

const TOKEN = /^ {4}(\w+) (\d+)\.\.(\d+)(?: \(flags = ([^)]*)\))?,$/;

/** Tokens as [{ kind, start, end, flags }], offsets in UTF-8 bytes (ruff's TextSize), from the Debug list
 * Workspace.tokens prints ("[\n    Name 0..3,\n]"). Every line must read as a token and a file with text must have
 * some: directives silently lost to a changed format would turn into findings or hide them. */
function tokens(ws, src) {
  const text = String(ws.tokens(src));
  const fail = (what) => {
    throw new Error(`cannot read ruff's token list (Workspace.tokens): ${what}; dev/lint/ruff/directives.cjs needs ` +
      "updating for this ruff version");
  };
  const lines = text === "[]" ? [] : /^\[\n([^]*)\n\]$/.exec(text)?.[1].split("\n");
  if (!lines) fail(`it does not look like "[ ... ]" (starts ${JSON.stringify(text.slice(0, 40))})`);
  const size = Buffer.byteLength(src, "utf8");
  const out = lines.map((line) => {
    const m = TOKEN.exec(line);
    if (!m) fail(`unexpected line ${JSON.stringify(line.slice(0, 80))}`);
    const t = { kind: m[1], start: +m[2], end: +m[3], flags: m[4] ?? "" };
    if (t.start > t.end || t.end > size) fail(`${line.trim()} lies outside the file's ${size} bytes`);
    return t;
  });
  if (!out.length && /\S/.test(src)) fail("no tokens for a file that has text");
  return out;
}

/** Line starts (byte offsets) of a UTF-8 buffer, for offset -> line. */
function lineStarts(bytes) {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) starts.push(i + 1);
    else if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) starts.push(i + 1);
  }
  return starts;
}

function lineOf(starts, offset) { // 1-based
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= offset) lo = mid; else hi = mid - 1; }
  return lo + 1;
}

/** noqa_line_for as line numbers: a map from a line inside a multi-line range to the line whose noqa applies. */
function noqaLines(toks, bytes, starts) {
  const ranges = [];
  const hasBreak = (s, e) => bytes.subarray(s, e).some((b) => b === 0x0a || b === 0x0d);
  const lineStart = (offset) => starts[lineOf(starts, offset) - 1];
  for (const t of toks) {
    if (t.kind === "String" && t.flags.includes("TRIPLE_QUOTED_STRING") && hasBreak(t.start, t.end)) {
      ranges.push([lineStart(t.start), t.end]);
    }
  }
  const fstrings = [];
  const open = [];
  for (const t of toks) {
    if (t.kind === "FStringStart" || t.kind === "TStringStart") open.push(t.start);
    else if ((t.kind === "FStringEnd" || t.kind === "TStringEnd") && open.length) fstrings.push([open.pop(), t.end]);
  }
  fstrings.sort((a, b) => a[0] - b[0]);
  let last = [0, 0];
  for (const [s, e] of fstrings) {
    if (!hasBreak(s, e) || (last[0] <= s && e <= last[1])) continue;
    last = [lineStart(s), e];
    ranges.push(last);
  }
  // Continuation lines: a backslash-newline between tokens; each such line, merged with the ones that follow it.
  let previousEnd = 0, current = null;
  for (const t of [...toks, { start: bytes.length, end: bytes.length }]) {
    const gap = Buffer.from(bytes.subarray(previousEnd, t.start)).toString("latin1");
    for (const m of gap.matchAll(/\\(\r\n|\r|\n)/g)) {
      const at = previousEnd + m.index;
      const start = lineStart(at), end = at + 1 + m[1].length;
      if (current && current[1] === start) current[1] = end;
      else { if (current) ranges.push(current); current = [start, end]; }
    }
    previousEnd = Math.max(previousEnd, t.end);
  }
  if (current) ranges.push(current);
  const map = new Map();
  for (const [s, e] of ranges) {
    const target = lineOf(starts, e);
    for (let line = lineOf(starts, s); line < target; line++) map.set(line, Math.max(map.get(line) ?? 0, target));
  }
  return map;
}

const SKIP_FILE = ["# isort: skip_file", "# isort:skip_file", "# ruff: isort: skip_file", "# ruff: isort:skip_file"];

/** extract_isort_directives: skip_file, the excluded byte ranges (off..on, a `skip` comment's line) and splits. */
function isortDirectives(toks, bytes, starts) {
  const exclusions = [], splits = [];
  let off = null;
  for (const t of toks.filter((x) => x.kind === "Comment")) {
    const text = Buffer.from(bytes.subarray(t.start, t.end)).toString("utf8").trimEnd();
    if (text === "# isort: split" || text === "# ruff: isort: split") splits.push([t.start, t.end]);
    else if (SKIP_FILE.includes(text)) {
      return { skipFile: true, exclusions: [], splits: [] };
    } else if (off !== null) {
      if (text === "# isort: on" || text === "# ruff: isort: on") { exclusions.push([off, t.start]); off = null; }
    } else if (text.includes("isort: skip") || text.includes("isort:skip")) {
      const line = lineOf(starts, t.start);
      exclusions.push([starts[line - 1], starts[line] ?? bytes.length]);
    } else if (text === "# isort: off" || text === "# ruff: isort: off") off = t.start;
  }
  if (off !== null) exclusions.push([off, bytes.length]);
  return { skipFile: false, exclusions, splits };
}

/** The source isort should see: each excluded import statement, and each own-line split comment, becomes a `pass`
 * of the same bytes and lines (a statement that is not an import ends a block, as an excluded one or a split does in
 * ruff's BlockBuilder). */
function isortSource(toks, bytes, directives) {
  const out = Buffer.from(bytes);
  const blank = (s, e, word) => {
    for (let i = s; i < e; i++) if (out[i] !== 0x0a && out[i] !== 0x0d) out[i] = 0x20;
    out.write(word, s, "latin1");
  };
  let logicalStart = true;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (logicalStart && (t.kind === "Import" || t.kind === "From")
      && directives.exclusions.some(([s, e]) => s <= t.start && t.start < e)) {
      let j = i;
      while (j < toks.length && toks[j].kind !== "Newline") j++;
      blank(t.start, toks[Math.min(j, toks.length - 1)].start, "pass");
    }
    logicalStart = ["Newline", "Indent", "Dedent", "Comment", "NonLogicalNewline"].includes(t.kind)
      || (logicalStart && t.kind === "Semi") || t.kind === "Semi";
  }
  for (const [start, end] of directives.splits) {
    const lineStartAt = out.lastIndexOf(0x0a, start - 1) + 1;
    if (/^\s*$/.test(out.subarray(lineStartAt, start).toString("latin1"))) blank(start, end, "pass");
  }
  return out.toString("utf8");
}

module.exports = { tokens, lineStarts, lineOf, noqaLines, isortDirectives, isortSource };
