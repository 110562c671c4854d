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
}

export interface InboxWriter {
  /** Commits the row before resolving. Resolves false when (channel, platformMessageId) already exists. */
  insert(row: InboxInsert): Promise<boolean>;
  close(): Promise<void>;
}

export const INSERT_INBOX_SQL = `INSERT INTO "InboxMessage" ("channel", "platformMessageId", "payload", "status", "attempts", "receivedAt")`;
