// Opens the database through a Prisma driver adapter. Both generated clients (SQLite and PostgreSQL)
// come from the same models and expose the same API; the rest of the code sees one `Db` type.
// openDatabase loads only the client of the database in use (the service: PostgreSQL's client and driver
// are a quarter of a second of start-up that SQLite never needs); createDatabase is the same, at once, for
// tests and tools that open several.
import type { PrismaClient as SqliteClient } from "../../generated/sqlite/client.ts";
import type { DatabaseTarget } from "./database-url.ts";
import { postgresClient } from "./postgres-client.ts";
import { sqliteClient } from "./sqlite-client.ts";

export type Db = SqliteClient;
/** A transaction handle, as passed to `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export function createDatabase(target: DatabaseTarget, onConnectionError: (err: Error) => void = () => {}): Db {
  return target.kind === "sqlite"
    ? sqliteClient(target.file)
    : (postgresClient(target.url, onConnectionError) as unknown as Db);
}
