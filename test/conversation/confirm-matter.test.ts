// A message only the model took for a matter, below the review threshold, gets a question instead of a
// silent ticket; the sender's "是" opens the ticket from the first message, once, and "不用" opens nothing.
// Through really signed callbacks. The threshold is raised so that any matter the model alone decided is
// unsure, whatever the model's exact probability for these words.
import { afterAll, beforeAll, expect, it } from "vitest";
import { send } from "../../support/platform-client.ts";
import { say, ticketNumberIn } from "../support/group-chat.ts";
import { DEPUTY, startTestService, type TestService } from "../support/start-test-service.ts";
import { describeEachDatabase } from "../support/test-database.ts";

const MINUTE = 60_000;

describeEachDatabase("a message the bot is not sure about", (kind) => {
  let t: TestService;
  let clock = new Date("2026-12-02T10:00:00+08:00");
  const later = (minutes: number) => (clock = new Date(clock.getTime() + minutes * MINUTE));
  beforeAll(async () => {
    t = await startTestService(kind, { now: () => clock, env: { MINYI_REVIEW_THRESHOLD: "0.99" } });
  });
  afterAll(async () => t.close());

  it("gets a question instead of a ticket, and the sender's 是 opens the ticket from the first message, once", async () => {
    const asked = await say(t, "qian.ayi", "最近小区里好多外卖车", clock);
    expect(asked.answer).toContain("是需要登记");
    expect(asked.answer).toContain("最近小区里好多外卖车");
    expect(await t.service.db.ticket.count()).toBe(0);

    const yes = await say(t, "qian.ayi", "是的", later(3));
    const n = ticketNumberIn(yes.answer);
    const ticket = await t.service.db.ticket.findUniqueOrThrow({ where: { number: n } });
    expect(ticket.text).toBe("最近小区里好多外卖车");
    expect(ticket.reporterId).toBe("qian.ayi");

    await send(t.url, yes.request); // the platform delivers the 是 again
    await later(0);
    expect(await t.service.db.ticket.count()).toBe(1);
    // A second 是 has no question left to answer: it is ordinary chat, not another ticket.
    await say(t, "qian.ayi", "是", later(1));
    expect(await t.service.db.ticket.count()).toBe(1);
  });

  it("opens nothing when the sender says 不用, or answers too late, or someone else answers", async () => {
    await say(t, "sun.shushu", "隔壁家的狗", later(60));
    expect((await say(t, "sun.shushu", "不用了", later(2))).answer).toContain("不登记");

    await say(t, "zhou.ayi", "最近小区里好多外卖车", later(60));
    await say(t, "wu.ayi", "是", later(1)); // not the one who was asked
    await say(t, "zhou.ayi", "是", later(45)); // past the 30 minutes
    expect(await t.service.db.ticket.count()).toBe(1);
  });

  it("does not ask a deputy relaying a resident's words", async () => {
    const relayed = await say(t, DEPUTY.userId, "转：居民反映最近小区里好多外卖车", later(60));
    expect(relayed.answer).toContain("代居民反映");
  });
});
