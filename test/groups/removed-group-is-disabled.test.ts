// The groups file is authoritative: a group removed from it is disabled at the next start — its messages
// are refused (403), its members have no role, nothing is posted to it — and its tickets are kept.
import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { dingtalkRequest, dingtalkText, send } from "../../support/platform-client.ts";
import {
  DINGTALK_GROUP,
  DINGTALK_STAFF,
  eventually,
  startTestService,
  type TestService,
} from "../support/start-test-service.ts";
import { describeEachDatabase } from "../support/test-database.ts";

describeEachDatabase("a group removed from the groups file", (kind) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(kind);
  });
  afterAll(async () => t.close());

  const dingMessage = (msgId: string) =>
    dingtalkRequest(
      t.dingtalkSecret,
      dingtalkText({
        msgId,
        conversationId: DINGTALK_GROUP,
        senderStaffId: "r1",
        senderNick: "居民",
        content: "小区垃圾好几天没人清运",
        sessionWebhook: `${t.fake.url}/dingtalk/session/${msgId}`,
      }),
    );

  it("refuses its messages with 403, drops its members' roles and robot, and keeps its tickets", async () => {
    expect((await send(t.url, dingMessage("before-removal"))).status).toBe(200);
    await eventually(async () => (await t.service.db.ticket.count()) === 1);

    const groups = JSON.parse(readFileSync(t.groupsFile, "utf8")) as Array<{ platform: string }>;
    writeFileSync(t.groupsFile, JSON.stringify(groups.filter((g) => g.platform !== "dingtalk")));
    await t.restart();

    const res = await send(t.url, dingMessage("after-removal"));
    expect(res.status).toBe(403);
    expect(JSON.parse(res.text).error).toBe("unknown_group");
    const group = await t.service.db.group.findFirstOrThrow({ where: { platformGroupId: DINGTALK_GROUP } });
    expect(group.disabledAt).not.toBeNull();
    expect(group.pushRoute).toBeNull();
    expect(await t.service.db.member.count({ where: { platformUserId: DINGTALK_STAFF.userId } })).toBe(0);
    expect(await t.service.db.ticket.count({ where: { groupId: group.id } })).toBe(1);

    writeFileSync(t.groupsFile, JSON.stringify(groups)); // listed again: served again
    await t.restart();
    expect((await send(t.url, dingMessage("after-return"))).status).toBe(200);
    expect(
      (await t.service.db.group.findFirstOrThrow({ where: { platformGroupId: DINGTALK_GROUP } })).disabledAt,
    ).toBeNull();
  });
});
