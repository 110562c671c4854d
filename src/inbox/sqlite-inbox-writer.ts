// SQLite inbox writer: its own connection in WAL mode. The busy timeout is zero and a busy database is
// retried asynchronously, because better-sqlite3 is synchronous: a blocking busy wait would freeze the
// event loop while the worker's (Prisma) transaction that holds the lock waits for that same loop.
import Database from "better-sqlite3";
import { INSERT_INBOX_SQL, type InboxInsert, type InboxWriter } from "./inbox-writer.ts";

const GIVE_UP_AFTER_MS = 10_000;

/** Prisma's SQLite adapter stores DateTime as ISO 8601 with an explicit offset; we write the same. */
export function sqliteTimestamp(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

export function createSqliteInboxWriter(file: string, synchronous: "NORMAL" | "FULL"): InboxWriter {
  const db = new Database(file, { timeout: 0 });
  db.pragma("journal_mode = WAL");
  db.pragma(`synchronous = ${synchronous}`);
  const stmt = db.prepare(`${INSERT_INBOX_SQL} VALUES (?, ?, ?, 'pending', 0, ?) ON CONFLICT ("channel", "platformMessageId") DO NOTHING`);

  return {
    async insert(row: InboxInsert): Promise<boolean> {
      const started = Date.now();
      for (let delay = 1; ; delay = Math.min(delay * 2, 50)) {
        try {
          return stmt.run(row.channel, row.platformMessageId, row.payload, sqliteTimestamp(row.receivedAt)).changes === 1;
        } catch (err) {
          const code = (err as { code?: string }).code;
          if (code !== "SQLITE_BUSY" || Date.now() - started > GIVE_UP_AFTER_MS) throw err;
          await new Promise((r) => setTimeout(r, delay));
        }
      }
    },
    async close() {
      db.close();
    },
  };
}
