import type { DatabaseTarget } from "../infra/db/database-url.ts";
import type { InboxWriter } from "./inbox-writer.ts";

/** The writer for the database in use; only its driver is loaded (pg is not, on SQLite). */
export async function createInboxWriter(
  target: DatabaseTarget,
  sqliteSynchronous: "NORMAL" | "FULL",
  trouble: {
    /** PostgreSQL: the pool lost a connection (it reconnects). */
    onConnectionError: (err: Error) => void;
    /** SQLite: a background WAL checkpoint failed (the next one tries again). */
    onCheckpointError: (message: string) => void;
  },
): Promise<InboxWriter> {
  if (target.kind === "sqlite") {
    const { createSqliteInboxWriter } = await import("./sqlite-inbox-writer.ts");
    return createSqliteInboxWriter(target.file, sqliteSynchronous, trouble.onCheckpointError);
  }
  const { createPostgresInboxWriter } = await import("./postgres-inbox-writer.ts");
  return createPostgresInboxWriter(target.url, trouble.onConnectionError);
}
