// Two workers processing the same inbox row at once (a lease that ran out during a slow LLM call):
// one reply, one ticket at most, no error, and the row ends done.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDatabase, type Db } from "../../src/infra/db/create-database.ts";
import { parseDatabaseUrl } from "../../src/infra/db/database-url.ts";
import { migrate } from "../../src/infra/db/migrate.ts";
import type { InboundMessage } from "../../src/inbox/inbound-message.ts";
import { createLogger } from "../../src/infra/create-logger.ts";
import { closedLoopSettings } from "../support/closed-loop-settings.ts";
import type { PipelineDeps } from "../../src/conversation/message-context.ts";
import { processInboxMessage } from "../../src/conversation/process-inbox-message.ts";
import { OfflineClassifier } from "../../src/understanding/classify/offline-classifier.ts";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../support/test-database.ts";

const classifier = OfflineClassifier.fromFiles();

describeEachDatabase("processing one inbox row twice at the same time", (kind) => {
  let d: TestDatabase;
  let dbs: Db[];
  let deps: (db: Db) => PipelineDeps;
  beforeAll(async () => {
    d = await createTestDatabase(kind);
    await migrate(parseDatabaseUrl(d.url));
    // Two clients stand for two workers on PostgreSQL; SQLite serves one process with one client.
    dbs = Array.from({ length: kind === "postgres" ? 2 : 1 }, () => createDatabase(parseDatabaseUrl(d.url)));
    deps = (db) => ({
      db,
      classifier,
      reviewThreshold: 0.6,
      loop: closedLoopSettings(),
      now: () => new Date(),
      log: createLogger("silent"),
    });
  });
  afterAll(async () => {
    await Promise.all(dbs.map((db) => db.$disconnect()));
    await d.drop();
  });

  async function storeRow(id: string, text: string) {
    const message: InboundMessage = {
      channel: "dingtalk",
      platform: "dingtalk",
      platformMessageId: id,
      chat: { type: "single", id: null },
      sender: { id: "u1" },
      text,
      viaDeputy: false,
      sentAt: new Date().toISOString(),
      replyRoute: { kind: "none", why: "test" },
    };
    return dbs[0]!.inboxMessage.create({
      data: { channel: "dingtalk", platformMessageId: id, payload: JSON.stringify(message), status: "processing" },
    });
  }

  it.each([
    ["a thank-you (no ticket)", "race-thanks", "谢谢代表，问题解决了"],
    ["a matter (a ticket)", "race-ticket", "小区门口的路灯坏了一个星期"],
  ])("gives one outcome and one 'already-done' for %s", async (_what, id, text) => {
    const row = await storeRow(id, text);
    const outcomes = await Promise.all([
      processInboxMessage(deps(dbs[0]!), row),
      processInboxMessage(deps(dbs[dbs.length - 1]!), row),
    ]);
    expect(outcomes.filter((o) => o === "already-done")).toHaveLength(1);
    expect(
      await dbs[0]!.outboxMessage.count({
        where: { OR: [{ dedupeKey: `reply:inbox:${row.id}` }, { ticket: { inboxMessageId: row.id } }] },
      }),
    ).toBe(1);
    expect(await dbs[0]!.ticket.count({ where: { inboxMessageId: row.id } })).toBe(text.startsWith("谢谢") ? 0 : 1);
    expect((await dbs[0]!.inboxMessage.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("done");
  });
});
