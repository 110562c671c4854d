// The SQLite inbox writer's connection never checkpoints (an automatic checkpoint would run inside an
// acknowledgement's commit, on the event loop); a thread of its own copies the WAL back instead.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, expect, it } from "vitest";
import { migrate } from "../../src/infra/db/migrate.ts";
import { createSqliteInboxWriter } from "../../src/inbox/sqlite-inbox-writer.ts";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function freshDatabase(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "minyi-writer-"));
  dirs.push(dir);
  const file = join(dir, "minyi.db");
  await migrate({ kind: "sqlite", file });
  return file;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it("keeps the WAL short while it commits, because the checkpoint thread copies it into the database", async () => {
  const file = await freshDatabase();
  const errors: string[] = [];
  const writer = createSqliteInboxWriter(file, "NORMAL", (m) => errors.push(m), 10);
  const payload = "x".repeat(3000); // about one page a row
  const batches = 100;
  const rowsPerBatch = 25;
  let walAtHalf = 0;
  for (let b = 0; b < batches; b++) {
    if (b === batches / 2) walAtHalf = statSync(`${file}-wal`).size;
    const rows = Array.from({ length: rowsPerBatch }, (_, i) =>
      writer.insert({ channel: "dingtalk", platformMessageId: `m-${b}-${i}`, payload, receivedAt: new Date(0) }),
    );
    expect(new Set(await Promise.all(rows))).toEqual(new Set(["stored"]));
    await sleep(20); // room for the thread between bursts, as between requests
  }
  // The WAL file keeps its largest size. Without a checkpoint it grows by every page written (more than the
  // payloads); with one it is reused from the start. The second half is measured, when the thread has surely
  // started (it loads in the first few batches).
  const grewInSecondHalf = statSync(`${file}-wal`).size - walAtHalf;
  const writtenInSecondHalf = (batches / 2) * rowsPerBatch * payload.length;
  expect(grewInSecondHalf).toBeLessThan(writtenInSecondHalf / 4);
  await writer.close();
  expect(errors).toEqual([]);
  const db = new Database(file, { readonly: true });
  expect(db.prepare(`SELECT COUNT(*) AS n FROM "InboxMessage"`).get()).toEqual({ n: batches * rowsPerBatch });
  db.close();
});

it("stops its checkpoint thread when closed, leaving every committed row in the database", async () => {
  const file = await freshDatabase();
  const writer = createSqliteInboxWriter(file, "NORMAL", () => {}, 60_000); // no timed checkpoint in this test
  await writer.insert({ channel: "wecom-bot", platformMessageId: "m-1", payload: "{}", receivedAt: new Date(0) });
  await writer.close(); // resolves only after the thread's last checkpoint and exit
  const db = new Database(file, { readonly: true });
  expect(db.prepare(`SELECT "platformMessageId" FROM "InboxMessage"`).all()).toEqual([{ platformMessageId: "m-1" }]);
  db.close();
});
