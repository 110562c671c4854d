// How production starts the service, read from package.json's `start` script (the one place it is written):
// leading NAME=value assignments become the environment, the rest is the node command line. The benches
// start the built service exactly so (without the npm process in front), and the packaging test checks that
// the image's runtime stage sets the same environment and runs the same command.
import { readFileSync } from "node:fs";

export interface ProductionCommand {
  /** Environment the start script sets, e.g. { MALLOC_ARENA_MAX: "2" }. */
  env: Record<string, string>;
  /** The command after the assignments, e.g. ["node", "dist/main.js"]. */
  command: string[];
}

export function productionCommand(packageJsonPath = "package.json"): ProductionCommand {
  const pkg = JSON.parse(readFileSync(packageJsonPath, "utf8")) as { scripts: { start: string } };
  const words = pkg.scripts.start.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (words.length > 0 && /^[A-Z_][A-Z0-9_]*=/.test(words[0]!)) {
    const [name, ...value] = words.shift()!.split("=");
    env[name!] = value.join("=");
  }
  if (words[0] !== "node")
    throw new Error(`package.json start script does not run node directly: ${pkg.scripts.start}`);
  return { env, command: words };
}
