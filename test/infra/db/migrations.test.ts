import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "../../../src/infra/db/database-url.ts";
import { migrate, readMigrations } from "../../../src/infra/db/migrate.ts";
import { PROVIDERS, renderSchema } from "../../../src/infra/db/render-schema.ts";
import { createDatabase } from "../../../src/infra/db/create-database.ts";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../../support/test-database.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));

describe("the Prisma schemas", () => {
  it("are exactly what scripts/generate-schemas.ts makes from prisma/models.prisma (run npm run db:schemas)", () => {
    const models = readFileSync(`${root}prisma/models.prisma`, "utf8");
    for (const p of PROVIDERS) {
      expect(readFileSync(`${root}prisma/${p.dir}/schema.prisma`, "utf8")).toBe(renderSchema(p, models));
    }
  });

  it("have the same migrations, by name, for both providers", () => {
    expect(readMigrations("sqlite").map((m) => m.name)).toEqual(readMigrations("postgres").map((m) => m.name));
  });
});

describeEachDatabase("migrate on start", (kind) => {
  let d: TestDatabase;
  beforeAll(async () => {
    d = await createTestDatabase(kind);
  });
  afterAll(async () => d.drop());

  it("applies every migration once, records it like Prisma does, and does nothing the second time", async () => {
    const target = parseDatabaseUrl(d.url);
    const all = readMigrations(kind).map((m) => m.name);
    expect(await migrate(target)).toEqual(all);
    expect(await migrate(target)).toEqual([]);
    const db = createDatabase(target);
    const rows = await db.$queryRawUnsafe<Array<{ migration_name: string; checksum: string }>>(
      `SELECT migration_name, checksum FROM "_prisma_migrations"`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(all);
    expect(rows[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(await db.ticket.count()).toBe(0);
    await db.$disconnect();
  });

  it("applies each migration once when two migrators race on the same database", async () => {
    const fresh = await createTestDatabase(kind);
    const target = parseDatabaseUrl(fresh.url);
    const [a, b] = await Promise.all([migrate(target), migrate(target)]);
    expect([...a, ...b]).toEqual(readMigrations(kind).map((m) => m.name));
    await fresh.drop();
  });
});
