// settings.cjs - what ruff's CLI (0.12 and later) resolves from a file's path, done here because the WebAssembly
// build sees source text only (it lints every file as "<filename>", with no package and no file system):
//   - the file's configuration: the closest .ruff.toml, ruff.toml or pyproject.toml with [tool.ruff] among its
//     ancestors (ruff's hierarchical discovery), with its `extend` chain merged as ruff's Configuration::combine does;
//   - --force-exclude: `exclude` (or ruff's default list) and `extend-exclude` against the path and each ancestor up
//     to the project root, as globs (absolute, and the basename), then `lint.exclude` / `format.exclude`;
//   - `per-file-ignores` / `extend-per-file-ignores` (negated patterns too) and `per-file-target-version`;
//   - isort's first-party detection: the file's package root (same-package) and the `src` roots.
// The per-file result is a set of options for a Workspace: the matching per-file ignores under the one path the
// WebAssembly build has, "<filename>", so that ruff itself applies them (noqa and RUF100 included).
"use strict";
const fs = require("fs");
const path = require("path");
const TOML = require("smol-toml");
const { compile, escapeGlob } = require("./globset.cjs");

const DEFAULT_EXCLUDE = [".bzr", ".direnv", ".eggs", ".git", ".git-rewrite", ".hg", ".ipynb_checkpoints", ".mypy_cache",
  ".nox", ".pants.d", ".pyenv", ".pytest_cache", ".pytype", ".ruff_cache", ".svn", ".tox", ".venv", ".vscode",
  "__pypackages__", "_build", "buck-out", "dist", "node_modules", "site-packages", "venv"];
// Top-level keys that are lint settings (deprecated there, still honoured; `lint.X` wins).
const LINT_KEYS = new Set(["allowed-confusables", "dummy-variable-rgx", "extend-ignore", "extend-select",
  "extend-fixable", "extend-unfixable", "external", "fixable", "ignore", "extend-safe-fixes", "extend-unsafe-fixes",
  "ignore-init-module-imports", "logger-objects", "select", "explicit-preview-rules", "task-tags", "typing-modules",
  "unfixable", "per-file-ignores", "extend-per-file-ignores"]);
// Tables whose keys combine one by one across `extend` (option structs); any other value is replaced whole.
const STRUCTS = new Set(["lint", "format", "analyze", "pydoclint", "ruff", "isort", "mccabe", "pep8-naming",
  "pycodestyle", "pydocstyle", "pyflakes", "pylint", "pyupgrade"]);
const isPlugin = (key) => STRUCTS.has(key) || key.startsWith("flake8-");
// Rule selection keys: ruff chains them per file in the extend order (see combineSelection).
const SELECTION = ["select", "ignore", "extend-select", "extend-ignore", "fixable", "unfixable", "extend-fixable",
  "extend-unfixable"];
const CONCATENATED = new Set(["extend-exclude", "extend-include", "extend-safe-fixes", "extend-unsafe-fixes"]);
// Keys that only choose files, or that the WebAssembly build cannot use: resolved here, never passed on.
const FILE_KEYS = ["exclude", "extend-exclude", "include", "extend-include", "force-exclude", "respect-gitignore",
  "cache-dir", "extend", "src", "namespace-packages", "per-file-target-version", "required-version", "output-format",
  "fix", "fix-only", "unsafe-fixes", "show-fixes"];

const configCache = new Map();

/** The closest configuration file of ruff's discovery for a directory, or null. */
function settingsToml(dir) {
  for (const name of [".ruff.toml", "ruff.toml"]) {
    const file = path.join(dir, name);
    if (isFile(file)) return file;
  }
  const pyproject = path.join(dir, "pyproject.toml");
  if (isFile(pyproject) && readToml(pyproject).tool?.ruff !== undefined) return pyproject;
  return null;
}

function readToml(file) {
  try { return TOML.parse(fs.readFileSync(file, "utf8")); }
  catch (e) { throw new Error(`${file}: ${e.message.split("\n")[0]}`); }
}

/** One file's own options, top-level lint keys moved under `lint`, patterns made absolute to its directory. */
function loadOptions(file) {
  const doc = readToml(file);
  const options = structuredClone(path.basename(file) === "pyproject.toml" ? doc.tool?.ruff ?? {} : doc);
  options.lint ??= {};
  for (const key of Object.keys(options)) {
    if (LINT_KEYS.has(key) || (isPlugin(key) && !["lint", "format", "analyze"].includes(key))) {
      if (options.lint[key] === undefined) options.lint[key] = options[key];
      delete options[key];
    }
  }
  const root = path.dirname(file);
  const absolute = (patterns) => patterns?.map((p) => ({ pattern: p, root }));
  for (const key of ["exclude", "extend-exclude"]) if (options[key]) options[key] = absolute(options[key]);
  if (options.lint.exclude) options.lint.exclude = absolute(options.lint.exclude);
  if (options.format?.exclude) options.format.exclude = absolute(options.format.exclude);
  for (const key of ["per-file-ignores", "extend-per-file-ignores"]) {
    if (options.lint[key]) {
      options.lint[key] = Object.entries(options.lint[key]).map(([p, codes]) => ({ pattern: p, root, codes }));
    }
  }
  if (options["per-file-target-version"]) {
    options["per-file-target-version"] = Object.entries(options["per-file-target-version"])
      .map(([p, version]) => ({ pattern: p, root, version }));
  }
  if (options.src) options.src = options.src.map((s) => path.resolve(root, s));
  if (options["namespace-packages"]) {
    options["namespace-packages"] = options["namespace-packages"].map((s) => path.resolve(root, s));
  }
  options.selection = [pick(options.lint, SELECTION)];
  for (const key of SELECTION) delete options.lint[key];
  if (options["target-version"] === undefined && path.basename(file) === "pyproject.toml") {
    const fallback = requiresPython(doc.project?.["requires-python"]);
    if (fallback) options.targetFallback = fallback;
  }
  return options;
}

function pick(object, keys) {
  return Object.fromEntries(keys.filter((k) => object[k] !== undefined).map((k) => [k, object[k]]));
}

/** `requires-python = ">=3.9"` gives py39, as ruff infers a missing target-version (only for the file it found). */
function requiresPython(spec) {
  const m = /^\s*(?:>=|~=|==)\s*3\.(\d+)/.exec(spec ?? "");
  return m ? `py3${m[1]}` : null;
}

/** ruff's combine: `current` wins key by key in option structs; extend-* lists and rule selections chain. */
function combine(current, base) {
  const out = { ...base };
  for (const [key, value] of Object.entries(current)) {
    if (key === "selection") out.selection = [...(base.selection ?? []), ...value];
    else if (CONCATENATED.has(key) || key === "extend-per-file-ignores") out[key] = [...(base[key] ?? []), ...value];
    else if (STRUCTS.has(key) || key.startsWith("flake8-")) out[key] = combine(value, base[key] ?? {});
    else out[key] = value;
  }
  return out;
}

/** A configuration file with its `extend` chain (paths in each file relative to that file). */
function resolveConfig(file) {
  if (configCache.has(file)) return configCache.get(file);
  const chain = [];
  for (let next = file; next;) {
    if (chain.some((c) => c.file === next)) {
      throw new Error(`circular configuration: ${[...chain.map((c) => c.file), next].join(" extends ")}`);
    }
    const options = loadOptions(next);
    chain.push({ file: next, options });
    next = typeof options.extend === "string" ? path.resolve(path.dirname(next), expandHome(options.extend)) : null;
  }
  let merged = {};
  for (const { options } of chain.reverse()) merged = combine(options, merged);
  const root = path.dirname(file);
  const config = {
    file, root, options: merged,
    exclude: patterns(merged.exclude ?? DEFAULT_EXCLUDE.map((p) => ({ pattern: p, builtin: true }))),
    extendExclude: patterns(merged["extend-exclude"] ?? []),
    lintExclude: patterns(merged.lint?.exclude ?? []),
    formatExclude: patterns(merged.format?.exclude ?? []),
    perFileIgnores: [...(merged.lint?.["per-file-ignores"] ?? []), ...(merged.lint?.["extend-per-file-ignores"] ?? [])]
      .map((p) => ({ ...perFile(p), codes: p.codes })),
    perFileVersions: (merged["per-file-target-version"] ?? []).map((p) => ({ ...perFile(p), version: p.version })),
    src: merged.src ?? [root, path.join(root, "src")],
    namespacePackages: merged["namespace-packages"] ?? [],
    targetVersion: merged["target-version"] ?? chain[chain.length - 1].options.targetFallback,
  };
  config.srcNames = srcNames(config.src);
  configCache.set(file, config);
  return config;
}

function expandHome(p) { return p.startsWith("~/") ? path.join(require("os").homedir(), p.slice(2)) : p; }

/** FilePattern::User: the glob made absolute to its file's directory, and the bare glob for basenames. */
function patterns(list) {
  return list.map((p) => p.builtin ? { basename: compile(p.pattern) } : {
    absolute: compile(path.resolve(escapeGlob(p.root), p.pattern)),
    basename: p.pattern.includes("/") ? null : compile(p.pattern),
  });
}

function perFile({ pattern, root }) {
  const negated = pattern.startsWith("!");
  const glob = negated ? pattern.slice(1) : pattern;
  return { negated, absolute: compile(path.resolve(escapeGlob(root), glob)), basename: compile(glob) };
}

function matchesAny(set, candidate, basename) {
  return set.some((p) => (p.absolute && p.absolute.test(candidate)) || (p.basename && p.basename.test(basename)));
}

/** CompiledPerFileList::iter_matches: a pattern applies when it matches (or, negated, when it does not). */
function perFileMatches(list, file) {
  const name = path.basename(file);
  return list.filter((e) => (e.basename.test(name) || e.absolute.test(file)) !== e.negated);
}

/** The closest configuration for a file (hierarchical discovery), or null when none exists. */
function configFor(file) {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const found = settingsToml(dir);
    if (found) return resolveConfig(found);
    if (path.dirname(dir) === dir) return null;
  }
}

/** is_file_excluded (--force-exclude), then lint.exclude or format.exclude; the reason, or null. */
function excluded(file, config, mode) {
  if (!config) return null;
  for (let p = file; path.dirname(p) !== p; p = path.dirname(p)) {
    const name = path.basename(p);
    if (matchesAny(config.exclude, p, name)) return "exclude";
    if (matchesAny(config.extendExclude, p, name)) return "extend-exclude";
    if (p === config.root) break;
  }
  const own = mode === "check" ? config.lintExclude : config.formatExclude;
  if (matchesAny(own, file, path.basename(file))) return mode === "check" ? "lint.exclude" : "format.exclude";
  return null;
}

/** detect_package_root: the last ancestor directory, going up, that is a package (__init__.py or a namespace
 * package). */
function packageRoot(file, config) {
  let current = null;
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const isPackage = (config?.namespacePackages ?? []).some((n) => dir === n || dir.startsWith(n + path.sep))
      || isFile(path.join(dir, "__init__.py"));
    if (!isPackage) return current;
    current = dir;
    if (path.dirname(dir) === dir) return current;
  }
}

/** match_sources (the Root strategy): a module whose first name is a directory or a .py file in a src root. */
function srcNames(src) {
  const names = new Set();
  for (const root of src) {
    let entries = [];
    try { entries = fs.readdirSync(root, { withFileTypes: true }); } catch { continue; }
    for (const e of entries) {
      const full = path.join(root, e.name);
      if (isDirectory(full)) names.add(e.name);
      else if (e.name.endsWith(".py") && isFile(full)) names.add(e.name.slice(0, -3));
    }
  }
  return [...names].filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n)).sort();
}

function isFile(p) { try { return fs.statSync(p).isFile(); } catch { return false; } }
function isDirectory(p) { try { return fs.statSync(p).isDirectory(); } catch { return false; } }

module.exports = { configFor, excluded, perFileMatches, packageRoot, combineSelection, FILE_KEYS };

/** The rule selections of an extend chain as one: a later `select` starts over, as ruff's chain does; otherwise the
 * later ignores and extend-selects add to the earlier ones. (Within one file ruff also weighs selectors by
 * specificity; across files a later broad extend-select re-enabling an earlier specific ignore is not modelled.) */
function combineSelection(selections) {
  const out = {};
  for (const s of selections) {
    for (const [reset, parts] of [["select", ["ignore", "extend-select", "extend-ignore"]],
      ["fixable", ["unfixable", "extend-fixable", "extend-unfixable"]]]) {
      if (s[reset] !== undefined) { out[reset] = s[reset]; for (const k of parts) delete out[k]; }
      for (const k of parts) if (s[k] !== undefined) out[k] = [...(out[k] ?? []), ...s[k]];
    }
  }
  return out;
}
