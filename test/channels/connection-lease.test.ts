// One holder among replicas: the lease is kept by renewing it, taken by another only after it runs out,
// given up at once on a clean stop, and never won by two racing replicas.
import { afterAll, beforeAll, expect, it } from "vitest";
import { holdLease, releaseLease } from "../../src/channels/connection-lease.ts";
import { createDatabase, type Db } from "../../src/infra/db/create-database.ts";
import { parseDatabaseUrl } from "../../src/infra/db/database-url.ts";
import { migrate } from "../../src/infra/db/migrate.ts";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../support/test-database.ts";

const TTL = 30_000;
const at = (seconds: number) => new Date(Date.UTC(2026, 11, 7, 1, 0, seconds));

describeEachDatabase("connection lease", (kind) => {
  let d: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    d = await createTestDatabase(kind);
    await migrate(parseDatabaseUrl(d.url));
    db = createDatabase(parseDatabaseUrl(d.url));
  });
  afterAll(async () => {
    await db.$disconnect();
    await d.drop();
  });

  it("is kept by the replica that renews it and refused to another while it lasts", async () => {
    expect(await holdLease(db, "bot-a", "replica-1", at(0), TTL)).toMatchObject({ held: true });
    expect(await holdLease(db, "bot-a", "replica-2", at(10), TTL)).toMatchObject({ held: false, holder: "replica-1" });
    expect(await holdLease(db, "bot-a", "replica-1", at(20), TTL)).toMatchObject({ held: true });
    expect(await holdLease(db, "bot-a", "replica-2", at(45), TTL)).toMatchObject({ held: false });
  });

  it("goes to another replica once the holder has stopped renewing it for longer than the lease", async () => {
    expect(await holdLease(db, "bot-a", "replica-2", at(51), TTL)).toMatchObject({ held: true });
    expect(await holdLease(db, "bot-a", "replica-1", at(52), TTL)).toMatchObject({ held: false, holder: "replica-2" });
  });

  it("is free at once when its holder releases it", async () => {
    await releaseLease(db, "bot-a", "replica-2");
    expect(await holdLease(db, "bot-a", "replica-1", at(53), TTL)).toMatchObject({ held: true });
  });

  it("is won by exactly one of several replicas racing for a new lease", async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => holdLease(db, "bot-b", `racer-${i}`, at(0), TTL)),
    );
    expect(results.filter((r) => r.held)).toHaveLength(1);
  });

  it("is won by exactly one of several replicas racing for an expired lease", async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => holdLease(db, "bot-b", `late-${i}`, at(40), TTL)),
    );
    expect(results.filter((r) => r.held)).toHaveLength(1);
  });
});
