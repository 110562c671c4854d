import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "../../src/infra/db/create-database.ts";
import { parseDatabaseUrl } from "../../src/infra/db/database-url.ts";
import { migrate } from "../../src/infra/db/migrate.ts";
import { formatTicketNumber, nextTicketNumber, shanghaiYear } from "../../src/tickets/next-ticket-number.ts";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../support/test-database.ts";

describe("ticket number format", () => {
  it("uses the Asia/Shanghai year, so 31 Dec 17:00 UTC already counts for the next year", () => {
    expect(shanghaiYear(new Date("2026-12-31T15:59:00Z"))).toBe(2026);
    expect(shanghaiYear(new Date("2026-12-31T16:00:00Z"))).toBe(2027);
    expect(formatTicketNumber(2026, 7)).toBe("2026-0007");
    expect(formatTicketNumber(2026, 12345)).toBe("2026-12345");
  });
});

describeEachDatabase("ticket numbers", (kind) => {
  let d: TestDatabase;
  let dbs: Db[];
  beforeAll(async () => {
    d = await createTestDatabase(kind);
    await migrate(parseDatabaseUrl(d.url));
    // PostgreSQL: two clients stand for two replicas. SQLite is one process with one writer; a second
    // client in the same process would block the event loop in SQLite's busy handler, so one client
    // runs the concurrent transactions.
    const clients = kind === "postgres" ? 2 : 1;
    dbs = Array.from({ length: clients }, () => createDatabase(parseDatabaseUrl(d.url)));
  });
  afterAll(async () => {
    await Promise.all(dbs.map((db) => db.$disconnect()));
    await d.drop();
  });

  it("never hands out the same number twice when two clients draw at the same time", async () => {
    const at = new Date("2026-06-01T00:00:00Z");
    const draws = await Promise.all(
      Array.from({ length: 40 }, (_, i) => dbs[i % dbs.length]!.$transaction((tx) => nextTicketNumber(tx, at))),
    );
    expect(new Set(draws).size).toBe(40);
    expect([...draws].sort()).toEqual(Array.from({ length: 40 }, (_, i) => formatTicketNumber(2026, i + 1)));
  });

  it("starts again at 0001 in a new year", async () => {
    expect(await dbs[0]!.$transaction((tx) => nextTicketNumber(tx, new Date("2027-02-01T00:00:00Z")))).toBe(
      "2027-0001",
    );
  });
});
