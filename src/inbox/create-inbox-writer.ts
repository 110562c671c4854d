import type { DatabaseTarget } from "../infra/db/database-url.ts";
import type { InboxWriter } from "./inbox-writer.ts";
import { createPostgresInboxWriter } from "./postgres-inbox-writer.ts";
import { createSqliteInboxWriter } from "./sqlite-inbox-writer.ts";

export function createInboxWriter(
  target: DatabaseTarget,
  sqliteSynchronous: "NORMAL" | "FULL",
  onConnectionError: (err: Error) => void,
): InboxWriter {
  return target.kind === "sqlite"
    ? createSqliteInboxWriter(target.file, sqliteSynchronous)
    : createPostgresInboxWriter(target.url, onConnectionError);
}
