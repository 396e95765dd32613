// globset.cjs - the glob dialect of Rust's globset crate with its default options, which ruff uses for `exclude`,
// `extend-exclude` and `per-file-ignores` (Glob::new: `*` and `?` also match `/`, `**` as a whole component spans
// directories, `{a,b}` alternatives, `[...]` classes with `!` or `^`, `\` escapes). A glob matches a whole path.
"use strict";

function translate(glob) {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*" && glob[i + 1] === "*") {
      const start = i === 0 || glob[i - 1] === "/";
      const end = i + 2 === glob.length || glob[i + 2] === "/";
      if (start && end) {
        if (i === 0 && i + 2 === glob.length) re += ".*";
        else if (i === 0) { re += "(?:.*/)?"; i += 2; continue; }            // **/x: x at any depth
        else if (i + 2 === glob.length) { re = re.replace(/\/$/, "") + "/.*"; i += 1; continue; } // x/**
        else { re = re.replace(/\/$/, "") + "(?:/|/.*/)"; i += 2; continue; }  // x/**/y
        i += 1;
      } else { re += ".*"; i += 1; }                                          // not a whole component: two stars
    } else if (c === "*") re += ".*";
    else if (c === "?") re += ".";
    else if (c === "[") {
      const close = glob.indexOf("]", i + 2);
      if (close < 0) throw new Error(`invalid glob ${JSON.stringify(glob)}: unclosed character class`);
      let body = glob.slice(i + 1, close);
      const negated = body[0] === "!" || body[0] === "^";
      if (negated) body = body.slice(1);
      re += "[" + (negated ? "^" : "") + body.replace(/[\\\]^]/g, (m) => "\\" + m) + "]";
      i = close;
    } else if (c === "{") {
      const close = glob.indexOf("}", i);
      if (close < 0) throw new Error(`invalid glob ${JSON.stringify(glob)}: unclosed alternation`);
      re += "(?:" + glob.slice(i + 1, close).split(",").map((alt) => translate(alt)).join("|") + ")";
      i = close;
    } else if (c === "\\" && i + 1 < glob.length) re += escape(glob[++i]);
    else re += escape(c);
  }
  return re;
}

function escape(c) { return /[.+^${}()|[\]\\*?]/.test(c) ? "\\" + c : c; }

/** A matcher for one glob: `test(path)` on a whole path string. */
function compile(glob) {
  return new RegExp("^" + translate(glob) + "$", "s");
}

/** globset::escape: a literal path (e.g. a project root) inside a glob. */
function escapeGlob(text) { return text.replace(/[*?[\]{}]/g, (m) => "[" + m + "]"); }

module.exports = { compile, escapeGlob };
