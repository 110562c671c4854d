// Every database test runs on a fresh SQLite file, and on a fresh PostgreSQL database when
// TEST_POSTGRES_URL is set (.ci/run sets it). Without it the PostgreSQL suites are reported as skipped.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe } from "vitest";

export type DbKind = "sqlite" | "postgres";

export const POSTGRES_URL = process.env.TEST_POSTGRES_URL;

export interface TestDatabase {
  kind: DbKind;
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(kind: DbKind): Promise<TestDatabase> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "minyi-test-"));
    return {
      kind,
      url: `file:${join(dir, "minyi.db")}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  if (!POSTGRES_URL) throw new Error("TEST_POSTGRES_URL is not set");
  const name = `minyi_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    kind,
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Declares the same suite for SQLite and (when configured) PostgreSQL. */
export function describeEachDatabase(title: string, body: (kind: DbKind) => void): void {
  describe(`${title} [SQLite]`, () => body("sqlite"));
  describe.skipIf(!POSTGRES_URL)(`${title} [PostgreSQL]`, () => body("postgres"));
}
