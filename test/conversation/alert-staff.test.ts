// 即时转办: an urgent matter is pushed at once to the group's deputies and staff through its staff route,
// with the reason and the place, even in quiet hours, and never into the residents' group; the resident
// gets the advice line. Through really signed callbacks.
import { afterAll, beforeAll, expect, it } from "vitest";
import { WECOM_STAFF_WEBHOOK_KEY, WECOM_WEBHOOK_KEY } from "../../support/fake-platform.ts";
import { send } from "../../support/platform-client.ts";
import { say, ticketNumberIn } from "../support/group-chat.ts";
import { DEPUTY, eventually, STAFF, startTestService, type TestService } from "../support/start-test-service.ts";
import { describeEachDatabase } from "../support/test-database.ts";

describeEachDatabase("an urgent matter", (kind) => {
  let t: TestService;
  const lateEvening = new Date("2026-12-02T23:10:00+08:00"); // inside the default quiet hours
  beforeAll(async () => {
    t = await startTestService(kind, { now: () => lateEvening });
  });
  afterAll(async () => t.close());

  const markdownOf = (r: { body: Record<string, unknown> }) => (r.body as { markdown: { content: string } }).markdown;

  it("is pushed at once to the deputies and staff with its reason, and the resident is told what to do", async () => {
    const said = await say(t, "he.ayi", "燃气味很重，是不是漏气了？我叫何丽，幸福小区9栋", lateEvening);
    const n = ticketNumberIn(said.answer);
    expect(said.answer).toContain("燃气公司");

    const alert = await eventually(async () =>
      t.fake.received.find((r) => r.path.includes(`key=${WECOM_STAFF_WEBHOOK_KEY}`)),
    );
    const text = markdownOf(alert).content;
    expect(text).toContain(`工单 #${n}`);
    expect(text).toContain("燃气");
    expect(text).toContain("幸福小区9栋");
    expect(text).not.toContain("何丽");
    expect(text).not.toContain("是不是漏气了");
    expect(text).toContain(`<@${DEPUTY.userId}>`);
    expect(text).toContain(`<@${STAFF.userId}>`);
    expect(t.fake.received.filter((r) => r.path.includes(`key=${WECOM_WEBHOOK_KEY}`))).toEqual([]);
  });

  it("alerts once however often the platform delivers it", async () => {
    const said = await say(t, "lu.shushu", "幸福小区2栋1单元电梯卡住了，里面困了人", lateEvening);
    await send(t.url, said.request);
    await send(t.url, said.request);
    const n = ticketNumberIn(said.answer);
    await eventually(async () => t.fake.received.some((r) => JSON.stringify(r.body).includes(`工单 #${n}**`)));
    await new Promise((r) => setTimeout(r, 300));
    expect(
      t.fake.received.filter((r) => JSON.stringify(r.body).includes(`紧急事项，请立即处置：工单 #${n}`)),
    ).toHaveLength(1);
  });
});
