// Opens the database through a Prisma driver adapter. Both generated clients (SQLite and PostgreSQL)
// come from the same models and expose the same API; the rest of the code sees one `Db` type.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../../generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "../../generated/postgres/client.ts";
import type { DatabaseTarget } from "./database-url.ts";

export type Db = SqliteClient;
/** A transaction handle, as passed to `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** SQLite waits this long for the single writer lock before reporting SQLITE_BUSY. */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/** `onConnectionError` hears about PostgreSQL connections lost while idle; the pool replaces them. */
export function createDatabase(target: DatabaseTarget, onConnectionError: (err: Error) => void = () => {}): Db {
  if (target.kind === "sqlite") {
    return new SqliteClient({
      adapter: new PrismaBetterSQLite3({ url: `file:${target.file}`, timeout: SQLITE_BUSY_TIMEOUT_MS }),
    });
  }
  const adapter = new PrismaPg({ connectionString: target.url }, { onPoolError: onConnectionError, onConnectionError });
  const client = new PostgresClient({ adapter });
  return client as unknown as Db;
}
