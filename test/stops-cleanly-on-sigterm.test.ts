// SIGTERM (a container stop, systemd, Ctrl-C) ends the process cleanly: it logs that it is stopping, finishes
// what it holds, and logs what is left for the next start, then exits 0.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { spawnService } from "./support/spawn-service.ts";

it("logs the stop and what is left for the next start, and exits 0", async () => {
  const dir = mkdtempSync(join(tmpdir(), "minyi-sigterm-"));
  const p = await spawnService({ DATABASE_URL: `file:${join(dir, "minyi.db")}` });
  const exited = new Promise<number | null>((resolve) => p.child.once("exit", (code) => resolve(code)));
  p.child.kill("SIGTERM");
  expect(await exited).toBe(0);
  const lines = p
    .output()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(lines.find((l) => String(l.msg).startsWith("stopping"))).toMatchObject({ signal: "SIGTERM" });
  expect(lines.find((l) => String(l.msg).startsWith("stopped"))).toMatchObject({
    signal: "SIGTERM",
    inboxLeft: 0,
    outboxLeft: 0,
  });
}, 30_000);
