// DATABASE_URL decides the engine: unset or `file:…` → embedded SQLite; `postgres(ql)://…` → PostgreSQL.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";

export type DatabaseTarget = { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };

export function parseDatabaseUrl(url: string, cwd = process.cwd()): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: "postgres", url };
  if (url.startsWith("file:")) {
    const path = url.slice("file:".length);
    if (path === "" || path === ":memory:") {
      throw new Error("DATABASE_URL must name a SQLite file (an in-memory database would lose acknowledged messages)");
    }
    return { kind: "sqlite", file: resolve(cwd, path) };
  }
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), got "${url.split(":")[0]}:…"`,
  );
}

/** Creates the folder a SQLite file lives in (data/ on a fresh clone). */
export function ensureSqliteFolder(file: string): void {
  mkdirSync(dirname(file), { recursive: true });
}
