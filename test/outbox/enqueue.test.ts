import { afterAll, beforeAll, expect, it } from "vitest";
import { createDatabase, type Db } from "../../src/infra/db/create-database.ts";
import { parseDatabaseUrl } from "../../src/infra/db/database-url.ts";
import { migrate } from "../../src/infra/db/migrate.ts";
import { enqueue } from "../../src/outbox/enqueue.ts";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../support/test-database.ts";

describeEachDatabase("enqueue", (kind) => {
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

  it("masks personal data in whatever text it is given, so no outbound message carries it", async () => {
    const body = { title: "回电 13812345678", markdown: "请联系 13812345678，车牌粤B12345", mentionUserIds: [] };
    await db.$transaction((tx) =>
      enqueue(tx, { dedupeKey: "k1", route: { kind: "none", why: "test" }, destination: "d", body }, new Date()),
    );
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: "k1" } });
    expect(JSON.parse(row.body)).toEqual({
      title: "回电 138****5678",
      markdown: "请联系 138****5678，车牌粤B****5",
      mentionUserIds: [],
    });
  });

  it("refuses a second message with the same dedupe key", async () => {
    const entry = {
      dedupeKey: "k2",
      route: { kind: "none" as const, why: "test" },
      destination: "d",
      body: { title: "t", markdown: "m", mentionUserIds: [] },
    };
    await db.$transaction((tx) => enqueue(tx, entry, new Date()));
    await expect(db.$transaction((tx) => enqueue(tx, entry, new Date()))).rejects.toMatchObject({ code: "P2002" });
    expect(await db.outboxMessage.count({ where: { dedupeKey: "k2" } })).toBe(1);
  });
});
