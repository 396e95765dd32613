// check.cjs - one file's diagnostics as ruff's CLI gives them: the WebAssembly check, plus the directives it skips
// (directives.cjs). Builds whose check() extracts them itself (ruff 0.14 on) are passed through unchanged.
"use strict";
const d = require("./directives.cjs");

const ISORT = new Set(["I001", "I002"]);

/** Whether this build's check() ignores noqa_line_for and isort directives (ruff 0.12 and 0.13). */
function needsDirectives(version) {
  const [major, minor] = version.split(".").map(Number);
  return major === 0 && minor < 14;
}

function check(ws, src, withDirectives) {
  let diags = ws.check(src);
  // Tokens cost more than the check itself: only a file with an isort directive, or with findings and a noqa,
  // needs them.
  if (!withDirectives || !(src.includes("isort") || (diags.length && /noqa/i.test(src)))) return diags;
  const bytes = Buffer.from(src, "utf8");
  const starts = d.lineStarts(bytes);
  const toks = d.tokens(ws, src);
  const isort = d.isortDirectives(toks, bytes, starts);
  if (isort.skipFile) diags = diags.filter((x) => !ISORT.has(x.code));
  else if (isort.exclusions.length || isort.splits.length) {
    const blocks = ws.check(d.isortSource(toks, bytes, isort)).filter((x) => ISORT.has(x.code));
    diags = [...diags.filter((x) => !ISORT.has(x.code)), ...blocks];
  }
  const map = d.noqaLines(toks, bytes, starts);
  return map.size ? remapNoqa(diags, map, noqaComments(toks, bytes, starts)) : diags;
}

/** The `# noqa` of each line: "all" for a blanket one, else its codes. */
function noqaComments(toks, bytes, starts) {
  const byLine = new Map();
  for (const t of toks.filter((x) => x.kind === "Comment")) {
    const text = Buffer.from(bytes.subarray(t.start, t.end)).toString("utf8");
    const m = /#\s*noqa(?::\s*([A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*))?/i.exec(text);
    if (m) byLine.set(d.lineOf(starts, t.start), m[1] ? m[1].split(/[\s,]+/).filter(Boolean) : "all");
  }
  return byLine;
}

/** A diagnostic on a line inside a multi-line string or continuation is covered by the noqa of the range's last
 * line, which then is no longer unused (RUF100). */
function remapNoqa(diags, map, noqa) {
  const used = new Map();
  const kept = diags.filter((x) => {
    const target = map.get(x.start_location.row);
    if (!target || x.code === "RUF100") return true;
    const codes = noqa.get(target);
    if (!codes || (codes !== "all" && !codes.includes(x.code))) return true;
    if (!used.has(target)) used.set(target, new Set());
    used.get(target).add(x.code);
    return false;
  });
  return kept.flatMap((x) => {
    const codes = used.get(x.start_location.row);
    if (x.code !== "RUF100" || !codes) return [x];
    if (x.message === "Unused blanket `noqa` directive") return [];
    const m = /^Unused `noqa` directive \((.*)\)$/.exec(x.message);
    if (!m) return [x];
    const parts = m[1].split("; ").map((part) => {
      const [reason, list] = part.split(": ");
      const left = list.split(", ").filter((c) => reason !== "unused" || !codes.has(c.slice(1, -1)));
      return left.length ? `${reason}: ${left.join(", ")}` : null;
    }).filter(Boolean);
    if (!parts.length) return [];
    return [{ ...x, message: `Unused \`noqa\` directive (${parts.join("; ")})`, fix: null }];
  });
}

module.exports = { check, needsDirectives };
