// The one write on the acknowledgement path, in plain SQL on its own connection.
// Why not Prisma here: a single-row Prisma create measured ~770 rows/s against ~7,700 for the same
// prepared INSERT on SQLite (bench notes in README), and Prisma's SQLite adapter runs every write of a
// process behind one transaction mutex, so an acknowledgement would wait for the worker's transaction.
// Everything else (workers, pipeline, admin) uses Prisma.

export interface InboxInsert {
  channel: string;
  platformMessageId: string;
  payload: string;
  receivedAt: Date;
  /** The request's signature where it does not cover the body (DingTalk): unique per channel. */
  signature?: string | undefined;
}

/**
 * stored     the row is committed
 * duplicate  (channel, platformMessageId) exists: a redelivery, nothing to do
 * replayed   the signature was already used by another message: a captured signature with a new body
 */
export type InsertOutcome = "stored" | "duplicate" | "replayed";

export interface InboxWriter {
  /** Commits the row before resolving. */
  insert(row: InboxInsert): Promise<InsertOutcome>;
  close(): Promise<void>;
}

export const INSERT_INBOX_SQL = `INSERT INTO "InboxMessage" ("channel", "platformMessageId", "payload", "status", "attempts", "receivedAt", "signature")`;

/** Asked only when an insert hit a unique key: was it the message id (a redelivery) or the signature? */
export const MESSAGE_EXISTS_SQL = `SELECT 1 FROM "InboxMessage" WHERE "channel" = $1 AND "platformMessageId" = $2`;
