// A group's configuration edited on the desk: stored in the database and effective at once (a member made a
// deputy is one in the very next chat message; the next reception days follow a changed rule); mistakes are
// refused in Chinese naming the field; robots' URLs are never shown; only admins and staff may edit; a
// restart keeps the desk's changes while the groups file is unchanged, and imports the file when it changed.
import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { WECOM_STAFF_WEBHOOK_KEY, WECOM_WEBHOOK_KEY } from "../../support/fake-platform.ts";
import { say, ticketNumberIn } from "../support/group-chat.ts";
import { send, wecomBotRequest, wecomBotText } from "../../support/platform-client.ts";
import { DEPUTY, eventually, startTestService, STAFF, type TestService } from "../support/start-test-service.ts";
import { describeEachDatabase } from "../support/test-database.ts";
import { createAccount } from "../../src/desk/accounts/create-account.ts";

const ADMIN = { username: "admin", password: "correct horse battery" };

interface GroupView {
  id: number;
  members: Array<{ userId: string; name: string; role: string }>;
  reception: { pattern: object; next: string[] } | null;
  pushRobot: string | null;
}

describeEachDatabase("group settings on the desk", (kind) => {
  let t: TestService;
  let cookie = "";
  let csrf = "";
  let groupId = 0;

  const call = (method: string, path: string, body?: unknown, auth = { cookie, csrf }) =>
    fetch(`${t.url}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...(auth.cookie ? { cookie: auth.cookie } : {}),
        ...(auth.csrf ? { "x-csrf-token": auth.csrf } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const signIn = async (username: string, password: string) => {
    const res = await call("POST", "/api/v1/session", { username, password }, { cookie: "", csrf: "" });
    return {
      cookie: res.headers.get("set-cookie")!.split(";")[0]!,
      csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
    };
  };
  const rule = (days: number[]) => ({
    pattern: { days },
    time: "09:00-11:30",
    place: "幸福社区党群服务中心",
    holidayPolicy: "keep",
    roster: [DEPUTY.userId],
  });

  beforeAll(async () => {
    t = await startTestService(kind, {
      env: { MINYI_FIRST_ADMIN: ADMIN.username, MINYI_FIRST_ADMIN_PASSWORD: ADMIN.password },
    });
    ({ cookie, csrf } = await signIn(ADMIN.username, ADMIN.password));
    const groups = (await (await call("GET", "/api/v1/groups")).json()) as {
      items: Array<{ id: number; platform: string }>;
    };
    groupId = groups.items.find((g) => g.platform === "wecom")!.id;
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it("shows the group's members and which robot is set, never its URL", async () => {
    const res = await call("GET", `/api/v1/groups/${groupId}`);
    const text = await res.text();
    const g = JSON.parse(text) as GroupView;
    expect(g.members.map((m) => m.userId).sort()).toEqual([STAFF.userId, DEPUTY.userId].sort());
    expect(g.pushRobot).toBe("wecom-group-webhook");
    expect(text).not.toContain(WECOM_WEBHOOK_KEY);
  });

  it("sets a reception rule and shows the next reception days, which follow a changed rule", async () => {
    const first = (await (await call("PUT", `/api/v1/groups/${groupId}/reception`, rule([10]))).json()) as GroupView;
    expect(first.reception!.next.length).toBeGreaterThan(0);
    expect(first.reception!.next.every((d) => d.endsWith("-10"))).toBe(true);
    const second = (await (await call("PUT", `/api/v1/groups/${groupId}/reception`, rule([15]))).json()) as GroupView;
    expect(second.reception!.next.every((d) => d.endsWith("-15"))).toBe(true);
    const row = await t.service.db.receptionRule.findUniqueOrThrow({ where: { groupId } });
    expect(JSON.parse(row.pattern)).toEqual({ days: [15] });
  });

  it("refuses a wrong rule, and a roster that names someone who is not a deputy, in Chinese", async () => {
    const wrong = await call("PUT", `/api/v1/groups/${groupId}/reception`, { ...rule([40]), time: "9点" });
    expect(wrong.status).toBe(400);
    const message = ((await wrong.json()) as { message: string }).message;
    expect(message).toMatch(/^接待日规则有误：/);
    expect(message).toContain("时间：格式不对");
    const notDeputy = await call("PUT", `/api/v1/groups/${groupId}/reception`, {
      ...rule([10]),
      roster: [STAFF.userId],
    });
    expect(((await notDeputy.json()) as { message: string }).message).toContain("不是本群代表");
  });

  it("makes a resident a deputy at once: their next chat command is taken as a deputy's", async () => {
    const number = ticketNumberIn((await say(t, "resident-li", "和平路的路灯坏了三盏")).answer);
    const refused = await say(t, "new.deputy", `认领 #${number}`);
    expect(refused.answer).not.toContain("已认领");
    const members = [
      { userId: DEPUTY.userId, name: DEPUTY.name, role: "deputy" },
      { userId: STAFF.userId, name: STAFF.name, role: "staff" },
      { userId: "new.deputy", name: "陈代表", role: "deputy" },
    ];
    expect((await call("PUT", `/api/v1/groups/${groupId}/members`, { members })).status).toBe(200);
    const claimed = await say(t, "new.deputy", `认领 #${number}`);
    expect(claimed.answer).toContain("陈代表");
  });

  it("changes the group's push robot at once, never shows its key, and refuses a robot on a strange origin", async () => {
    // Another robot the fake platform knows (the fake refuses keys it does not).
    const url = `${t.fake.url}/cgi-bin/webhook/send?key=${WECOM_STAFF_WEBHOOK_KEY}`;
    const res = await call("PUT", `/api/v1/groups/${groupId}/routes`, { push: { kind: "wecom-group-webhook", url } });
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain(WECOM_STAFF_WEBHOOK_KEY);
    const number = ticketNumberIn((await say(t, "resident-he", "新华路的井盖丢了一个")).answer);
    await call("POST", `/api/v1/tickets/${number}/actions`, { action: "claim" });
    await eventually(async () =>
      t.fake.received.find((r) => r.path.includes(WECOM_STAFF_WEBHOOK_KEY) && JSON.stringify(r.body).includes(number)),
    );

    const evil = await call("PUT", `/api/v1/groups/${groupId}/routes`, {
      push: { kind: "wecom-group-webhook", url: "https://evil.example/hook" },
    });
    expect(evil.status).toBe(400);
    expect(((await evil.json()) as { message: string }).message).toMatch(/^机器人设置有误：/);
  });

  it("serves a group added on the desk at once, and stops serving one removed there", async () => {
    const added = await call("POST", "/api/v1/groups", {
      platform: "wecom",
      platformGroupId: "wrkNewGroup01",
      name: "光明社区联络群",
    });
    expect(added.status).toBe(201);
    const { id } = (await added.json()) as { id: number };
    const request = wecomBotRequest(
      t.botKeys,
      wecomBotText({
        msgId: "new-group-1",
        chatId: "wrkNewGroup01",
        from: "resident-x",
        content: "光明路的路灯坏了",
        responseUrl: `${t.fake.url}/wecom/response/new-group-1`,
      }),
    );
    expect((await send(t.url, request)).status).toBe(200);
    await eventually(async () => t.fake.received.find((r) => r.path === "/wecom/response/new-group-1"));
    expect(
      (await call("POST", "/api/v1/groups", { platform: "wecom", platformGroupId: "wrkNewGroup01", name: "x" })).status,
    ).toBe(409);

    expect((await call("DELETE", `/api/v1/groups/${id}`)).status).toBe(204);
    expect((await call("GET", `/api/v1/groups/${id}`)).status).toBe(404);
    const row = await t.service.db.group.findUniqueOrThrow({ where: { id } });
    expect(row.disabledAt).not.toBeNull();
    expect(await t.service.db.ticket.count({ where: { groupId: id } })).toBe(1); // its tickets are kept
  });

  it("lets only admins and staff change a group", async () => {
    await createAccount(
      t.service.db,
      { username: "viewer9", password: "viewer password 9", role: "viewer" },
      new Date(),
    );
    const viewer = await signIn("viewer9", "viewer password 9");
    expect((await call("GET", `/api/v1/groups/${groupId}`, undefined, viewer)).status).toBe(403);
    expect((await call("PUT", `/api/v1/groups/${groupId}/reception`, rule([20]), viewer)).status).toBe(403);
    expect((await call("PUT", `/api/v1/groups/${groupId}/reception`, rule([20]), { cookie, csrf: "" })).status).toBe(
      403,
    );
  });

  it("keeps the desk's changes over a restart while the groups file is unchanged, and imports a changed file", async () => {
    await t.restart();
    ({ cookie, csrf } = await signIn(ADMIN.username, ADMIN.password));
    const kept = (await (await call("GET", `/api/v1/groups/${groupId}`)).json()) as GroupView;
    expect(kept.reception).not.toBeNull();
    expect(kept.members.map((m) => m.userId)).toContain("new.deputy");

    const file = JSON.parse(readFileSync(t.groupsFile, "utf8")) as Array<{ name: string }>;
    file[0]!.name = "幸福社区代表联络群（新）";
    writeFileSync(t.groupsFile, JSON.stringify(file));
    await t.restart();
    ({ cookie, csrf } = await signIn(ADMIN.username, ADMIN.password));
    const imported = (await (await call("GET", `/api/v1/groups/${groupId}`)).json()) as GroupView & { name: string };
    expect(imported.name).toBe("幸福社区代表联络群（新）");
    expect(imported.reception).toBeNull(); // the file has no rule: imported as written
    expect(imported.members.map((m) => m.userId)).not.toContain("new.deputy");
  });
});
