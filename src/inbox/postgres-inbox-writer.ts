// PostgreSQL inbox writer: a small pg pool and one INSERT … ON CONFLICT DO NOTHING per message.
import pg from "pg";
import {
  INSERT_INBOX_SQL,
  MESSAGE_EXISTS_SQL,
  type InboxInsert,
  type InboxWriter,
  type InsertOutcome,
} from "./inbox-writer.ts";

/** `onIdleError`: a pooled connection dropped while idle (server restart, admin kill). The pool
 * replaces it; without a listener pg would crash the process. */
export function createPostgresInboxWriter(url: string, onIdleError: (err: Error) => void): InboxWriter {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  pool.on("error", onIdleError);
  // Prisma keeps DateTime as UTC in `timestamp(3)` columns: convert explicitly, whatever the session time zone.
  // DO NOTHING without a target covers both unique keys (message id and signature).
  const sql = `${INSERT_INBOX_SQL} VALUES ($1, $2, $3, 'pending', 0, ($4::timestamptz AT TIME ZONE 'UTC'), $5) ON CONFLICT DO NOTHING`;
  return {
    async insert(row: InboxInsert): Promise<InsertOutcome> {
      const res = await pool.query(sql, [
        row.channel,
        row.platformMessageId,
        row.payload,
        row.receivedAt.toISOString(),
        row.signature ?? null,
      ]);
      if (res.rowCount === 1) return "stored";
      const found = await pool.query(MESSAGE_EXISTS_SQL, [row.channel, row.platformMessageId]);
      return found.rowCount ? "duplicate" : "replayed";
    },
    close: () => pool.end(),
  };
}
