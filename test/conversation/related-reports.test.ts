// Reports that belong to a ticket already open: the reporter's follow-ups (quoted number, or clearly
// the same matter), another resident's report of the same matter (linked, counted, told), and staff
// merging a duplicate that slipped through. Closing then tells everyone who reported it.
import { afterAll, beforeAll, expect, it } from "vitest";
import { say, ticketNumberIn } from "../support/group-chat.ts";
import { DEPUTY, STAFF, startTestService, type TestService } from "../support/start-test-service.ts";
import { describeEachDatabase } from "../support/test-database.ts";

describeEachDatabase("a matter reported again is added to its open ticket", (kind) => {
  let t: TestService;
  let n: string;
  beforeAll(async () => {
    t = await startTestService(kind);
    n = ticketNumberIn((await say(t, "li.ayi", "幸福小区3栋门口的路灯坏了，晚上很黑")).answer);
  });
  afterAll(async () => t.close());

  const ticket = (number: string) =>
    t.service.db.ticket.findUniqueOrThrow({
      where: { number },
      include: { followers: true, events: { orderBy: { id: "asc" } } },
    });

  it("appends the reporter's message quoting the ticket number instead of opening a new ticket", async () => {
    expect((await say(t, "li.ayi", `#${n} 今晚还是不亮，老人出门不方便`)).answer).toContain(
      `您补充的情况已记入工单 #${n}`,
    );
    const tk = await ticket(n);
    expect(tk.events.at(-1)).toMatchObject({ kind: "follow_up", actorId: "li.ayi" });
    expect(tk.events.at(-1)!.note).toContain("今晚还是不亮");
    expect(await t.service.db.ticket.count()).toBe(1);
  });

  it("appends the reporter's message about the same place without a number", async () => {
    expect((await say(t, "li.ayi", "幸福小区3栋的路灯到现在还是坏的")).answer).toContain(`已记入工单 #${n}`);
    expect(await t.service.db.ticket.count()).toBe(1);
  });

  it("links another resident's report of the same matter at the same place and counts them", async () => {
    const answer = (await say(t, "wang.shushu", "幸福小区3栋门口路灯不亮了，晚上太黑了")).answer;
    expect(answer).toContain(`已有同类问题 #${n}，已为您关注`);
    expect(answer).toContain("共 2 位居民反映");
    const tk = await ticket(n);
    expect(tk.affectedCount).toBe(2);
    expect(tk.followers.map((f) => [f.platformUserId, f.via])).toEqual([
      ["li.ayi", "report"],
      ["wang.shushu", "duplicate"],
    ]);
    expect(await t.service.db.ticket.count()).toBe(1);
  });

  it("opens a new ticket for the same category somewhere else", async () => {
    const other = ticketNumberIn((await say(t, "zhao.nainai", "和平路公交站旁边的路灯也坏了")).answer);
    expect(other).not.toBe(n);
  });

  it("lets staff merge a duplicate into the open ticket: its reporters follow the matter", async () => {
    const dup = ticketNumberIn((await say(t, "zhou.xiansheng", "3号楼那边晚上一片漆黑，灯好像坏了")).answer);
    expect(dup).not.toBe(n);
    const answer = (await say(t, STAFF.userId, `合并 #${dup} 到 #${n}`)).answer;
    expect(answer).toContain(`已合并到 #${n} 统一办理（共 3 位居民反映）`);
    const merged = await ticket(dup);
    expect(merged).toMatchObject({ status: "closed", closeReason: "duplicate", mergedIntoId: (await ticket(n)).id });
    expect((await ticket(n)).affectedCount).toBe(3);
    expect((await say(t, "zhou.xiansheng", `查询 #${dup}`)).answer).toContain(`已并入 #${n}`);
  });

  it("tells everyone who reported the matter when it is closed", async () => {
    const closed = (await say(t, DEPUTY.userId, `办结 #${n} 路灯已全部修复`)).answer;
    for (const who of ["li.ayi", "wang.shushu", "zhou.xiansheng"]) expect(closed).toContain(`<@${who}>`);
  });

  it("opens a new ticket when another resident quotes the closed ticket", async () => {
    const answer = (await say(t, "xu.ayi", `#${n} 这个路灯又坏了`)).answer;
    const again = ticketNumberIn(answer);
    expect(answer).toContain("您反映的问题已收到");
    expect(again).not.toBe(n);
  });

  it("leaves merged duplicates out of the closure rate", async () => {
    const stats = (await say(t, STAFF.userId, "统计")).answer;
    // Three matters (the street light, 和平路, the light broken again), one closed; the merged report is
    // not counted twice.
    expect(stats).toContain("累计：受理 3 件，办结 1 件，办结率 33.3%");
  });
});
