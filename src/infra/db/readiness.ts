// /readyz: this replica can serve: the database answers and every migration this code expects is applied
// (a replica of a newer version started against an older schema is alive but not ready).
import type { Db } from "./create-database.ts";
import type { DatabaseTarget } from "./database-url.ts";
import { readMigrations } from "./migrate.ts";

export interface Readiness {
  ready: boolean;
  /** Migrations this code has that the database has not finished. */
  missingMigrations: string[];
}

export async function checkReadiness(db: Db, kind: DatabaseTarget["kind"]): Promise<Readiness> {
  const applied = await db.$queryRawUnsafe<Array<{ migration_name: string }>>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const done = new Set(applied.map((r) => r.migration_name));
  const missingMigrations = readMigrations(kind)
    .map((m) => m.name)
    .filter((name) => !done.has(name));
  return { ready: missingMigrations.length === 0, missingMigrations };
}
