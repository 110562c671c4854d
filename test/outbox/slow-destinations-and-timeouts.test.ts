// A slow robot does not stall the others (sends run concurrently across destinations, one at a time per
// destination), and a platform that answers only after the timeout but delivers gets a capped number of
// copies, after which the message is parked with the reason. Parked messages are retried in bulk by filter.
import { afterAll, beforeAll, expect, it } from "vitest";
import { eventually, startTestService, type TestService } from "../support/start-test-service.ts";
import { describeEachDatabase } from "../support/test-database.ts";

const ADMIN_TOKEN = "admin-token-0123456789";

/** Replies queued straight into the outbox, one route per message, to a destination. */
function replies(t: TestService, now: () => Date, destination: string, n: number) {
  return Array.from({ length: n }, (_, i) => ({
    dedupeKey: `${destination}-${i}`,
    route: JSON.stringify({ kind: "wecom-response-url", url: `${t.fake.url}/wecom/response/${destination}/${i}` }),
    destination,
    body: JSON.stringify({ title: "t", markdown: `${destination} ${i}` }),
    nextAttemptAt: now(),
    createdAt: now(),
  }));
}

describeEachDatabase("a slow destination", (kind) => {
  let t: TestService;
  const now = () => new Date();
  // A send timeout far longer than the fast sends need, even on a loaded machine: while the slow send
  // waits for it, every fast destination must be served.
  beforeAll(async () => {
    t = await startTestService(kind, { now, env: { MINYI_SEND_TIMEOUT_MS: "5000", MINYI_SEND_CONCURRENCY: "4" } });
  });
  afterAll(async () => t.close());
  const rows = (destination: string, n: number) => replies(t, now, destination, n);

  it("holds up nobody: ten fast destinations are served while its send is in flight, each in order", async () => {
    t.fake.slow("/wecom/response/slow-dest/", 8_000);
    await t.service.db.outboxMessage.createMany({ data: rows("slow-dest", 1) });
    await new Promise((r) => setTimeout(r, 100)); // the slow send is in flight
    await t.service.db.outboxMessage.createMany({
      data: Array.from({ length: 10 }, (_, d) => rows(`fast-${d}`, 3)).flat(),
    });
    await eventually(
      async () =>
        (await t.service.db.outboxMessage.count({
          where: { destination: { startsWith: "fast-" }, status: "sent" },
        })) === 30,
    );
    // All sent while the slow send is still waiting for its answer (a sequential outbox would have waited for it).
    expect((await t.service.db.outboxMessage.findFirst({ where: { destination: "slow-dest" } }))?.status).toBe(
      "sending",
    );
    for (let d = 0; d < 10; d++) {
      const order = t.fake.received
        .filter((r) => r.path.startsWith(`/wecom/response/fast-${d}/`))
        .map((r) => r.path.slice(-1));
      expect(order).toEqual(["0", "1", "2"]);
    }
  });
});

describeEachDatabase("timeouts and parked messages", (kind) => {
  let t: TestService;
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);
  beforeAll(async () => {
    t = await startTestService(kind, { now, env: { MINYI_SEND_TIMEOUT_MS: "1000", MINYI_ADMIN_TOKEN: ADMIN_TOKEN } });
  });
  afterAll(async () => t.close());

  const outboxFor = (path: string) =>
    t.service.db.outboxMessage.findFirst({ where: { route: { contains: `${path}"` } } });
  const rows = (destination: string, n: number) => replies(t, now, destination, n);

  it("sends a message whose platform answers after the timeout (but delivers) at most twice, then parks it with the reason", async () => {
    t.fake.slow("/wecom/response/late-1", 1_500);
    await t.service.db.outboxMessage.createMany({
      data: [
        {
          ...rows("late", 1)[0]!,
          route: JSON.stringify({ kind: "wecom-response-url", url: `${t.fake.url}/wecom/response/late-1` }),
        },
      ],
    });
    const parked = await eventually(async () => {
      const r = await outboxFor("/wecom/response/late-1");
      if (r?.status === "pending" && r.nextAttemptAt > now())
        offsetMs += r.nextAttemptAt.getTime() - now().getTime() + 10;
      return r?.status === "parked" ? r : null;
    }, 15_000);
    expect(parked.uncertainSends).toBe(2);
    expect(parked.lastError).toMatch(/no answer in time.*may have been delivered/);
    await new Promise((r) => setTimeout(r, 1_600)); // let the platform finish what it was sent
    expect(t.fake.received.filter((r) => r.path === "/wecom/response/late-1")).toHaveLength(2);
  });

  it("retries every parked message of one destination with one admin call", async () => {
    await t.service.db.outboxMessage.createMany({
      data: [...rows("down", 3), ...rows("other-down", 1)].map((r) => ({
        ...r,
        status: "parked",
        lastError: "errcode 93000",
      })),
    });
    const res = await fetch(`${t.url}/admin/outbox/retry?destination=down`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(await res.json()).toEqual({ retried: 3 });
    await eventually(
      async () => (await t.service.db.outboxMessage.count({ where: { destination: "down", status: "sent" } })) === 3,
    );
    expect((await t.service.db.outboxMessage.findFirst({ where: { destination: "other-down" } }))?.status).toBe(
      "parked",
    );
  });

  it("answers 400, not 500, to a row id out of range", async () => {
    const res = await fetch(`${t.url}/admin/outbox/99999999999999999999/retry`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(res.status).toBe(400);
    expect(t.logs.some((l) => l.msg === "request failed")).toBe(false);
  });
});
