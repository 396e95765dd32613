// statements.cjs - the top-level statements of a file, from its tokens (directives.tokens): the isolation groups
// fixes.cjs gives fixes of isolating rules. ruff's group is the parent statement of what a fix removes, always inside
// one top-level statement, so two fixes ruff would not apply together never get different groups here.
"use strict";

// Lines at depth 0 that continue the statement before them.
const CLAUSES = new Set(["Else", "Elif", "Except", "Finally"]);
const LAYOUT = new Set(["Newline", "NonLogicalNewline", "Comment", "Indent", "Dedent"]);

/** Byte offsets where each top-level statement starts: a depth-0 logical line that is not a clause of the statement
 * before it (else, elif, except, finally) nor the definition a decorator line belongs to. */
function topLevelStarts(toks) {
  const starts = [];
  let depth = 0, lineStart = true, decorated = false;
  for (const t of toks) {
    if (t.kind === "Indent") depth++;
    else if (t.kind === "Dedent") depth--;
    else if (t.kind === "Newline") lineStart = true;
    if (LAYOUT.has(t.kind)) continue;
    if (lineStart && depth === 0) {
      if (!CLAUSES.has(t.kind) && !decorated) starts.push(t.start);
      decorated = t.kind === "At";
    }
    lineStart = false;
  }
  return starts;
}

/** A function from an index in `src` (a JS string) to the number of the top-level statement it is in (-1: before
 * the first one). */
function topLevelGroups(toks, src) {
  const bytes = topLevelStarts(toks), indices = [];
  for (let i = 0, offset = 0; indices.length < bytes.length;) {
    while (indices.length < bytes.length && bytes[indices.length] <= offset) indices.push(i);
    if (i >= src.length) break;
    const c = src.codePointAt(i);
    offset += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    i += c >= 0x10000 ? 2 : 1;
  }
  return (index) => {
    let lo = -1, hi = indices.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (indices[mid] <= index) lo = mid; else hi = mid - 1; }
    return lo;
  };
}

module.exports = { topLevelStarts, topLevelGroups };
