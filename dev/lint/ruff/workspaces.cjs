// workspaces.cjs - one ruff Workspace per distinct set of per-file options (a handful per tree), built from the file's
// configuration (settings.cjs) so that the WebAssembly build, which lints every file as "<filename>", decides as the
// CLI does for the real path.
"use strict";
const path = require("path");
const settings = require("./settings.cjs");

const PATH = "<filename>"; // the path ruff's WebAssembly check() gives every file

class Workspaces {
  constructor(Workspace) {
    this.Workspace = Workspace;
    this.cache = new Map();
    this.categories = new Map();
  }

  /** The Workspace for one file: its config's options, its per-file ignores and target version, and the isort
   * first-party names the CLI would find from its path. */
  forFile(file, config, mode) {
    const base = config ? config.options : { lint: {} };
    const options = structuredClone(base);
    const selection = settings.combineSelection(options.selection ?? []);
    delete options.selection; delete options.targetFallback;
    for (const key of settings.FILE_KEYS) delete options[key];
    options.lint = { ...options.lint, ...selection };
    delete options.lint.exclude; delete options.lint["extend-per-file-ignores"];
    if (options.format) delete options.format.exclude;
    const applies = (p) => (p.basename.test(path.basename(file)) || p.absolute.test(file)) !== p.negated;
    const version = config?.perFileVersions.find(applies)?.version ?? config?.targetVersion;
    if (version) options["target-version"] = version;
    const ignores = config ? settings.perFileMatches(config.perFileIgnores, file).flatMap((p) => p.codes) : [];
    if (ignores.length) options.lint["per-file-ignores"] = { [PATH]: [...new Set(ignores)] };
    else delete options.lint["per-file-ignores"];
    if (mode === "check") this.addFirstParty(options, file, config);
    const key = JSON.stringify(options);
    if (!this.cache.has(key)) this.cache.set(key, this.create(options, file));
    const ws = this.cache.get(key);
    return path.basename(file) === "__init__.py" ? dunderInit(ws, options) : ws;
  }

  create(options, file) {
    try { return new this.Workspace(options, 1 /* UTF-16 columns, where the API takes an encoding */); }
    catch (e) { throw new Error(`${String(e).replace(/^Error: /, "")} (the configuration of ${file})`); }
  }

  /** categorize(): known modules and the standard library come first, then the same package, then the src roots.
   * Those last two need the file system, so each candidate name the CLI would call first-party through them is given
   * to the WebAssembly build as known-first-party, unless it would categorize it otherwise by itself (known, or the
   * standard library of the target version). */
  addFirstParty(options, file, config) {
    const isort = options.lint.isort ?? {};
    if (isort["no-sections"]) return;
    const candidates = [...(config?.srcNames ?? [])];
    const pkg = settings.packageRoot(file, config);
    if (pkg && isort["detect-same-package"] !== false) candidates.push(path.basename(pkg));
    const added = candidates.filter((name) => this.isDefaultSection(name, options));
    if (!added.length) return;
    const known = new Set([...(isort["known-first-party"] ?? []), ...added]);
    options.lint.isort = { ...isort, "known-first-party": [...known].sort() };
  }

  /** Whether ruff, knowing no paths, puts `import NAME` in the same section as a known third-party probe module. */
  isDefaultSection(name, options) {
    const isort = options.lint.isort ?? {};
    const probe = "tvm_build_probe_module";
    const known = ["known-first-party", "known-local-folder", "extra-standard-library", "sections", "default-section",
      "section-order"];
    const probeOptions = { "target-version": options["target-version"], lint: { select: ["I001"], isort: {
      ...Object.fromEntries(known.filter((k) => isort[k] !== undefined).map((k) => [k, isort[k]])),
      "known-third-party": [...(isort["known-third-party"] ?? []), probe] } } };
    const key = `${name} ${JSON.stringify(probeOptions)}`;
    if (!this.categories.has(key)) {
      const ws = new this.Workspace(probeOptions, 1);
      const [diag] = ws.check(`import ${probe}\nimport ${name}\n`);
      ws.free();
      const sorted = diag?.fix?.edits.map((e) => e.content ?? "").join("") ?? "";
      this.categories.set(key, !diag || !sorted.includes("\n\n"));
    }
    return this.categories.get(key);
  }
}

/** What ruff decides from the file name __init__.py: `__path__` is defined there (F821), and outside preview an
 * undefined name in `__all__` may be a submodule (F822). */
function dunderInit(ws, options) {
  const preview = options.preview ?? options.lint.preview;
  return {
    format: (src) => ws.format(src),
    tokens: (src) => ws.tokens(src),
    comments: (src) => ws.comments(src),
    check: (src) => ws.check(src).filter((d) => !(d.code === "F821" && d.message === "Undefined name `__path__`")
      && !(d.code === "F822" && !preview)),
  };
}

module.exports = { Workspaces };
