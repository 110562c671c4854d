// The admin API: parked messages are visible with their reason, and a retry sends one again. Only with
// the bearer token; everything else is refused with a reason.
import { afterAll, beforeAll, expect, it } from "vitest";
import { enqueue } from "../../src/outbox/enqueue.ts";
import { WECOM_WEBHOOK_KEY } from "../../support/fake-platform.ts";
import { eventually, startTestService, type TestService } from "../support/start-test-service.ts";
import { describeEachDatabase } from "../support/test-database.ts";

const TOKEN = "admin-token-for-tests-0123456789";

describeEachDatabase("parked messages in the admin API", (kind) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(kind, { env: { MINYI_ADMIN_TOKEN: TOKEN } });
  });
  afterAll(async () => t.close());

  const api = (path: string, init: RequestInit = {}, token = TOKEN) =>
    fetch(`${t.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });

  it("lists a message the platform refused, with the reason, and sends it again on retry", async () => {
    t.fake.failNext("/cgi-bin/webhook/send", 1, { errcode: 93000, errmsg: "invalid webhook url" });
    await t.service.db.$transaction((tx) =>
      enqueue(
        tx,
        {
          dedupeKey: "admin-1",
          route: { kind: "wecom-group-webhook", url: `${t.fake.url}/cgi-bin/webhook/send?key=${WECOM_WEBHOOK_KEY}` },
          destination: "push:group:admin",
          body: { title: "周报", markdown: "本周概况", mentionUserIds: [] },
        },
        new Date(),
      ),
    );
    await eventually(
      async () =>
        (await t.service.db.outboxMessage.findUnique({ where: { dedupeKey: "admin-1" } }))?.status === "parked",
    );

    const list = (await (await api("/admin/outbox?status=parked")).json()) as {
      messages: Array<{ id: number; dedupeKey: string; lastError: string; title: string }>;
    };
    const parked = list.messages.find((m) => m.dedupeKey === "admin-1")!;
    expect(parked).toMatchObject({ title: "周报", destination: "push:group:admin" });
    expect(parked.lastError).toContain("errcode 93000");

    const retry = await api(`/admin/outbox/${parked.id}/retry`, { method: "POST" });
    expect(retry.status).toBe(200);
    await eventually(
      async () => (await t.service.db.outboxMessage.findUnique({ where: { dedupeKey: "admin-1" } }))?.status === "sent",
    );
    expect(t.fake.received.filter((r) => JSON.stringify(r.body).includes("本周概况"))).toHaveLength(1);

    const again = await api(`/admin/outbox/${parked.id}/retry`, { method: "POST" });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { message: string }).message).toContain("is sent, not parked");
  });

  it("refuses a request without the right token, and a message that does not exist", async () => {
    expect((await fetch(`${t.url}/admin/outbox`)).status).toBe(401);
    expect((await api("/admin/outbox", {}, "wrong-token-wrong-token-wrong")).status).toBe(401);
    expect((await api("/admin/outbox/999999/retry", { method: "POST" })).status).toBe(404);
    expect((await api("/admin/outbox?status=everything")).status).toBe(400);
  });
});
