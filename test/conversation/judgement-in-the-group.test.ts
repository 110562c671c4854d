// What the bot understands, through really signed callbacks in the running service: an emergency is
// urgent with its advice and never folded into a calmer ticket; a lift retrofit question is not an
// emergency; chit-chat opens no ticket; a place is found under the name the group knows it by and counted
// under its estate.
import { afterAll, beforeAll, expect, it } from "vitest";
import { say, ticketNumberIn } from "../support/group-chat.ts";
import { eventually, startTestService, type TestService } from "../support/start-test-service.ts";
import { describeEachDatabase } from "../support/test-database.ts";

describeEachDatabase("judgement in the group", (kind) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(kind, { wecomGroup: { places: [{ name: "幸福小区", aliases: ["幸福里"] }] } });
  });
  afterAll(async () => t.close());

  it("opens its own urgent ticket for a gas smell after another resident's water outage in the same estate", async () => {
    const water = ticketNumberIn((await say(t, "zhao.ayi", "家里停水两天了，幸福小区3号楼")).answer);
    const gas = await say(t, "qian.shu", "燃气味很重，是不是漏气了？幸福小区9栋");
    const number = ticketNumberIn(gas.answer);
    expect(number).not.toBe(water);
    expect(gas.answer).toContain("即时转办");
    expect(gas.answer).toContain("燃气公司抢修电话");
    const ticket = await t.service.db.ticket.findUniqueOrThrow({ where: { number } });
    expect(ticket).toMatchObject({ urgency: "immediate", slaTier: "urgent", categoryL2: "供水供电供气" });
    expect((await t.service.db.ticket.findUniqueOrThrow({ where: { number: water } })).urgency).toBe("normal");
  });

  it("answers a question about a lift retrofit as an ordinary matter, without emergency advice", async () => {
    const said = await say(t, "sun.ayi", "6层没电梯，想问问加装电梯有什么补贴政策？");
    const ticket = await t.service.db.ticket.findUniqueOrThrow({ where: { number: ticketNumberIn(said.answer) } });
    expect(ticket.urgency).not.toBe("immediate");
    expect(ticket.requestType).toBe("咨询");
    expect(said.answer).not.toContain("即时转办");
  });

  it("opens no ticket for an invitation to dance", async () => {
    const before = await t.service.db.ticket.count();
    await say(t, "zhou.ayi", "今天晚上有人一起去公园跳广场舞吗？");
    expect(await t.service.db.ticket.count()).toBe(before);
  });

  it("finds a place by the group's alias for it and counts it under the estate's name", async () => {
    const said = await say(t, "wu.shu", "幸福里5栋楼道灯坏了好几天");
    const ticket = await eventually(() =>
      t.service.db.ticket.findFirst({ where: { number: ticketNumberIn(said.answer) } }),
    );
    expect(ticket).toMatchObject({ place: "幸福里5栋楼道", community: "幸福小区" });
  });
});
