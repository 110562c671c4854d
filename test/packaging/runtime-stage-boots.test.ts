// The image's runtime stage must hold every file the service reads at run time. This boots the service
// from exactly what the Dockerfile's runtime-stage COPY lines name (copied into an empty folder; the
// build stage's node_modules stands in as a link, and dist/ is compiled afresh from this checkout as the
// build stage compiles it), with the stage's CMD, and asks /healthz.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";
import { productionCommand } from "../../support/production-command.ts";
import { killHard, spawnService, type ServiceProcess } from "../support/spawn-service.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The runtime stage: the text after the last FROM line. */
function runtimeStage(): string {
  const dockerfile = readFileSync(join(ROOT, "Dockerfile"), "utf8");
  return dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
}

/** Paths inside /app that the runtime stage copies from the build stage (whose /app is this checkout). */
function runtimeFiles(stage: string): string[] {
  return [...stage.matchAll(/^COPY --from=build(?: --\S+)* ((?:\/app\/\S+ )+)\S+$/gm)].flatMap((m) =>
    m[1]!
      .trim()
      .split(/\s+/)
      .map((p) => p.replace(/^\/app\//, "")),
  );
}

let service: ServiceProcess | undefined;
const dir = mkdtempSync(join(tmpdir(), "minyi-runtime-stage-"));
afterAll(async () => {
  if (service) await killHard(service);
  rmSync(dir, { recursive: true, force: true });
});

it("boots with the start script's command and environment and answers /healthz and serves the desk page from exactly the files the Dockerfile's runtime stage copies", async () => {
  const stage = runtimeStage();
  const files = runtimeFiles(stage);
  expect(files).toEqual(
    expect.arrayContaining(["node_modules", "package.json", "dist", "assets", "config", "prompts"]),
  );
  expect(files).not.toContain("src"); // production runs the compiled service, not TypeScript
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    if (file === "node_modules") symlinkSync(join(ROOT, file), join(dir, file));
    else if (file === "dist") {
      const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
      execFileSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.build.json"), "--outDir", join(dir, "dist")]);
    } else cpSync(join(ROOT, file), join(dir, file), { recursive: true });
  }
  const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(stage)![1]!) as string[];
  const production = productionCommand(join(ROOT, "package.json"));
  expect(cmd).toEqual(production.command); // the image runs what npm start runs
  const stageEnv = Object.fromEntries(
    [...stage.matchAll(/^ENV (.+)$/gm)].flatMap((m) =>
      m[1]!.split(/\s+/).map((kv) => kv.split("=", 2) as [string, string]),
    ),
  );
  expect(stageEnv).toMatchObject(production.env); // with the same environment
  service = await spawnService({ ...production.env, DATABASE_URL: `file:${join(dir, "data", "minyi.db")}` }, 30_000, {
    cwd: dir,
    args: cmd.slice(1),
  });
  const res = await fetch(`${service.url}/healthz`);
  expect(res.status).toBe(200);
  const desk = await fetch(`${service.url}/admin/app.js`);
  expect(desk.status).toBe(200);
}, 90_000);
