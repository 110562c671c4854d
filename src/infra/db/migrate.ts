// Applies prisma/<provider>/migrations/*/migration.sql in order, each in its own transaction, and
// records them in a table with the layout of Prisma's `_prisma_migrations`, so `prisma migrate deploy`
// agrees with us where its binary engine can be downloaded. We run our own because, offline,
// `prisma migrate deploy` through @prisma/adapter-pg fails (prisma/orm#27403).
// Safe to call from several replicas at once: SQLite serializes on
// BEGIN IMMEDIATE, PostgreSQL on an advisory lock.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { ensureSqliteFolder, type DatabaseTarget } from "./database-url.ts";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

const PRISMA_DIR = fileURLToPath(new URL("../../../prisma/", import.meta.url));

export function readMigrations(kind: DatabaseTarget["kind"]): Migration[] {
  const dir = join(PRISMA_DIR, kind === "sqlite" ? "sqlite" : "postgres", "migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Applies what is missing; returns the names applied now. */
export async function migrate(target: DatabaseTarget): Promise<string[]> {
  const migrations = readMigrations(target.kind);
  return target.kind === "sqlite" ? migrateSqlite(target.file, migrations) : migratePostgres(target.url, migrations);
}

function migrateSqlite(file: string, migrations: Migration[]): string[] {
  ensureSqliteFolder(file);
  const db = new Database(file, { timeout: 10_000 });
  try {
    // WAL: readers never block the writer, and a committed row survives kill -9 of the process.
    db.pragma("journal_mode = WAL");
    db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
      "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
      "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
    const applied: string[] = [];
    for (const m of migrations) {
      db.exec("BEGIN IMMEDIATE");
      try {
        const done = db
          .prepare(
            `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
          )
          .get(m.name);
        if (!done) {
          db.exec(m.sql);
          db.prepare(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (?, ?, current_timestamp, ?, 1)`,
          ).run(randomUUID(), m.checksum, m.name);
          applied.push(m.name);
        }
        db.exec("COMMIT");
      } catch (err) {
        db.exec("ROLLBACK");
        throw new Error(`migration ${m.name} failed: ${(err as Error).message}`, { cause: err });
      }
    }
    return applied;
  } finally {
    db.close();
  }
}

/** Any constant; all Minyi replicas take the same advisory lock while migrating. */
const MIGRATION_LOCK_KEY = 72_190_001;

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const { default: pg } = await import("pg"); // loaded only on PostgreSQL
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const applied: string[] = [];
    for (const m of migrations) {
      const done = await client.query(
        `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        [m.name],
      );
      if (done.rowCount) continue;
      await client.query("BEGIN");
      try {
        await client.query(m.sql); // simple query protocol: several statements in one call
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query("COMMIT");
        applied.push(m.name);
      } catch (err) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${m.name} failed: ${(err as Error).message}`, { cause: err });
      }
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
