// SQLite inbox writer: its own connection in WAL mode, with group commit. Inserts that arrive while
// the event loop is busy are written together in one transaction on the next turn (setImmediate), and
// each caller's promise resolves only after that transaction has committed: still durable before the
// acknowledgement, but one commit for many rows instead of one each (measured: README, bench:ingest).
// The busy timeout is zero and a busy database is retried asynchronously, because better-sqlite3 is
// synchronous: a blocking busy wait would freeze the event loop while the worker's (Prisma) transaction
// that holds the lock waits for that same loop. The connection never checkpoints: a thread of its own does
// (start-sqlite-checkpointer.ts), so no acknowledgement waits for the WAL being copied back.
import Database from "better-sqlite3";
import {
  INSERT_INBOX_SQL,
  MESSAGE_EXISTS_SQL,
  type InboxInsert,
  type InboxWriter,
  type InsertOutcome,
} from "./inbox-writer.ts";
import { startSqliteCheckpointer } from "./start-sqlite-checkpointer.ts";

const GIVE_UP_AFTER_MS = 10_000;

/** Prisma's SQLite adapter stores DateTime as ISO 8601 with an explicit offset; we write the same. */
export function sqliteTimestamp(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

interface Pending {
  row: InboxInsert;
  resolve: (outcome: InsertOutcome) => void;
  reject: (err: unknown) => void;
}

export function createSqliteInboxWriter(
  file: string,
  synchronous: "NORMAL" | "FULL",
  onCheckpointError: (message: string) => void,
  checkpointEveryMs?: number,
): InboxWriter {
  const db = new Database(file, { timeout: 0 });
  db.pragma("journal_mode = WAL");
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma("wal_autocheckpoint = 0");
  const checkpointer = startSqliteCheckpointer(file, synchronous, onCheckpointError, checkpointEveryMs);
  // DO NOTHING without a target covers both unique keys (message id and signature); which one it was
  // is asked only when a row was not inserted, so a new message costs one statement.
  const stmt = db.prepare(`${INSERT_INBOX_SQL} VALUES (?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT DO NOTHING`);
  const exists = db.prepare(MESSAGE_EXISTS_SQL.replace("$1", "?").replace("$2", "?"));
  const insertOne = (r: InboxInsert): InsertOutcome => {
    if (
      stmt.run(r.channel, r.platformMessageId, r.payload, sqliteTimestamp(r.receivedAt), r.signature ?? null)
        .changes === 1
    )
      return "stored";
    return exists.get(r.channel, r.platformMessageId) ? "duplicate" : "replayed";
  };
  const insertAll = db.transaction((batch: Pending[]) => batch.map((p) => insertOne(p.row)));

  let queue: Pending[] = [];
  let scheduled = false;

  async function flush(): Promise<void> {
    const batch = queue;
    queue = [];
    scheduled = false;
    const started = Date.now();
    for (let delay = 1; ; delay = Math.min(delay * 2, 50)) {
      try {
        const results = insertAll(batch); // commits before returning
        for (const [i, p] of batch.entries()) p.resolve(results[i]!);
        return;
      } catch (err) {
        const busy = (err as { code?: string }).code === "SQLITE_BUSY";
        if (!busy || Date.now() - started > GIVE_UP_AFTER_MS) {
          for (const p of batch) p.reject(err);
          return;
        }
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  return {
    insert(row: InboxInsert): Promise<InsertOutcome> {
      return new Promise((resolve, reject) => {
        queue.push({ row, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(() => void flush());
        }
      });
    },
    async close() {
      if (queue.length > 0) await flush();
      await checkpointer.stop();
      db.close();
    },
  };
}
