// postinstall: compile the service to dist/ (npm start runs it with node, no tsx in production). Skipped,
// with a line saying so, where it cannot run: an install without devDependencies (no TypeScript) or a tree
// without src/ (a Docker layer that installs before copying the sources). `npm run build` does it by hand.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let tsc;
try {
  tsc = require.resolve("typescript/bin/tsc");
} catch {
  console.log(
    "minyi: TypeScript is not installed (devDependencies omitted), so dist/ was not built; run npm run build where it is",
  );
  process.exit(0);
}
if (!existsSync("src/main.ts")) {
  console.log("minyi: no src/ here yet, so dist/ was not built; run npm run build after copying the sources");
  process.exit(0);
}
execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { stdio: "inherit" });
