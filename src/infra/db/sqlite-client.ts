// The Prisma client on the embedded SQLite file (through better-sqlite3).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../generated/sqlite/client.ts";

/** SQLite waits this long for the single writer lock before reporting SQLITE_BUSY. */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

export function sqliteClient(file: string): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url: `file:${file}`, timeout: SQLITE_BUSY_TIMEOUT_MS }),
  });
}
