// fixes.cjs - one pass of ruff's fixer (apply_fixes in crates/ruff_linter/src/fix/mod.rs, the same from 0.12 to 0.16)
// on the diagnostics of the WebAssembly check(): whole fixes (all edits of a fix, or none), in ruff's order (F811
// first, then by the fix's first edit, then two pairs of rules tie-broken); a fix whose first new edit starts at or
// before the end of the last applied edit is skipped whole, and an edit an earlier fix applied is not applied again.
// ruff also applies at most one fix per isolation group (the parent statement of what the fix removes), which the
// API does not give: a rule known to isolate its fixes gets, instead, the top-level statement its diagnostic and
// edits are in (statements.cjs), which may hold fewer fixes per pass than ruff would apply, never more.
"use strict";

/** A diagnostic location ({ row, column }, 1-based) to an index in the JS string. `columns` is "utf16" for builds
 * that take a position encoding (0.13.2 on, given 1: UTF-16) or "chars" for those before, which count code points and
 * do not count a byte-order mark on line 1 (LineIndex::line_column). Lines end at \n, \r\n or \r, as ruff's do. */
function locator(src, columns) {
  const starts = [0];
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && src.charCodeAt(i + 1) !== 0x0a)) starts.push(i + 1);
  }
  return ({ row, column }) => {
    if (row < 1 || row > starts.length || column < 1) {
      throw new Error(`ruff gave a location outside the file: ${row}:${column}`);
    }
    let i = starts[row - 1];
    if (columns === "utf16") return i + column - 1;
    if (row === 1 && src.charCodeAt(0) === 0xfeff) i++;
    for (let n = 1; n < column; n++) {
      const c = src.charCodeAt(i);
      i += c >= 0xd800 && c < 0xdc00 && (src.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    }
    return i;
  };
}

const REDEFINED_WHILE_UNUSED = "F811";
// cmp_fix's tie-breaks at the same start: MissingTrailingPeriod before NewLineAfterLastParagraph, and
// IfElseBlockInsteadOfDictGet before IfElseBlockInsteadOfIfExp.
const FIRST_AT_SAME_START = [["D400", "D209"], ["SIM401", "SIM108"]];

function compare(a, b) {
  const ra = a.code === REDEFINED_WHILE_UNUSED, rb = b.code === REDEFINED_WHILE_UNUSED;
  if (ra !== rb) return ra ? -1 : 1;
  if (a.start !== b.start) return a.start - b.start;
  for (const [first, second] of FIRST_AT_SAME_START) {
    if (a.code === first && b.code === second) return -1;
    if (a.code === second && b.code === first) return 1;
  }
  return 0;
}

/**
 * Applies the fixes of `diagnostics` (those to apply: the caller filters by safety) to `src` in one pass.
 * options.locate: a locator(src, columns); options.isolated(code): whether the rule isolates its fixes;
 * options.groups(): a function from a string index to the key of its isolation group (called only when two or more
 * fixes of isolating rules are present). Returns { code, applied } (applied: the diagnostics whose fix was applied).
 */
function applyFixes(src, diagnostics, { locate, isolated = () => false, groups = null }) {
  const fixes = diagnostics.filter((d) => d.code && d.fix && d.fix.edits.length).map((d) => {
    const edits = d.fix.edits.map((e) => ({ start: locate(e.location), end: locate(e.end_location),
      content: e.content ?? null })).sort((a, b) => a.start - b.start || a.end - b.end);
    return { diagnostic: d, code: d.code, start: edits[0].start, edits, isolated: isolated(d.code) };
  }).sort(compare); // stable, as itertools' sorted_by
  let groupOf = null;
  if (fixes.filter((f) => f.isolated).length > 1) {
    if (!groups) throw new Error("fixes of isolating rules need options.groups");
    groupOf = groups();
  }
  const key = (e) => JSON.stringify([e.start, e.end, e.content]);
  const applied = new Set(), claimed = new Set(), done = [];
  let out = "", last = null;
  for (const fix of fixes) {
    const edits = fix.edits.filter((e) => !applied.has(key(e)));
    if (edits.length) {
      if (fix.isolated && groupOf) {
        const ids = new Set([fix.diagnostic.start_location, ...fix.diagnostic.fix.edits.map((e) => e.location)]
          .map((loc) => groupOf(locate(loc))));
        if ([...ids].some((id) => claimed.has(id))) continue;
        for (const id of ids) claimed.add(id); // claimed even when the fix overlaps, as ruff does
      }
      if (last !== null && last >= edits[0].start) continue;
    }
    for (const e of edits) {
      if (e.start < (last ?? 0) || e.end < e.start) {
        throw new Error(`ruff gave a ${fix.code} fix whose edits overlap (at index ${e.start})`);
      }
      out += src.slice(last ?? 0, e.start) + (e.content ?? "");
      last = e.end;
    }
    for (const e of edits) applied.add(key(e));
    done.push(fix.diagnostic);
  }
  return { code: out + src.slice(last ?? 0), applied: done };
}

module.exports = { applyFixes, locator };
