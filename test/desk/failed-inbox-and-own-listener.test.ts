// Inbound messages whose processing failed are listed with their reason and can be processed again; with
// MINYI_ADMIN_LISTEN the admin API is served on its own address and not on the public port.
import { afterAll, beforeAll, expect, it } from "vitest";
import { eventually, startTestService, WECOM_GROUP, type TestService } from "../support/start-test-service.ts";
import { describeEachDatabase } from "../support/test-database.ts";

const TOKEN = "admin-token-0123456789";

describeEachDatabase("the admin API", (kind) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(kind, { env: { MINYI_ADMIN_TOKEN: TOKEN, MINYI_ADMIN_LISTEN: "127.0.0.1:0" } });
  });
  afterAll(async () => t.close());
  const auth = { authorization: `Bearer ${TOKEN}` };

  it("is served on its own listener only", async () => {
    const adminUrl = t.service.adminUrl!;
    expect(adminUrl).not.toBe(t.url);
    expect((await fetch(`${adminUrl}/admin/outbox`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${t.url}/admin/outbox`, { headers: auth })).status).toBe(404);
  });

  it("lists a failed inbound message with its reason and processes it again on request", async () => {
    const message = {
      channel: "wecom-bot",
      platform: "wecom",
      platformMessageId: "failed-1",
      chat: { type: "group", id: WECOM_GROUP },
      sender: { id: "r9" },
      text: "小区东门的路灯坏了",
      viaDeputy: false,
      sentAt: new Date().toISOString(),
      replyRoute: { kind: "wecom-response-url", url: `${t.fake.url}/wecom/response/failed-1` },
    };
    const row = await t.service.db.inboxMessage.create({
      data: {
        channel: "wecom-bot",
        platformMessageId: "failed-1",
        payload: JSON.stringify(message),
        status: "failed",
        attempts: 5,
        lastError: "database was unreachable",
      },
    });
    const list = (await (await fetch(`${t.service.adminUrl}/admin/inbox?status=failed`, { headers: auth })).json()) as {
      messages: Array<{ id: number; lastError: string }>;
    };
    expect(list.messages).toEqual([expect.objectContaining({ id: row.id, lastError: "database was unreachable" })]);

    const res = await fetch(`${t.service.adminUrl}/admin/inbox/${row.id}/retry`, { method: "POST", headers: auth });
    expect(await res.json()).toEqual({ id: row.id, status: "pending" });
    await eventually(
      async () => (await t.service.db.inboxMessage.findUnique({ where: { id: row.id } }))?.status === "done",
    );
    expect(await t.service.db.ticket.count({ where: { inboxMessageId: row.id } })).toBe(1);
    expect(
      (await fetch(`${t.service.adminUrl}/admin/inbox/${row.id}/retry`, { method: "POST", headers: auth })).status,
    ).toBe(409);
  });
});
