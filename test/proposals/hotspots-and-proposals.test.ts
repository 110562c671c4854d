// Hotspots across groups and a proposal drafted from one, through the real service: residents report in the
// WeCom and the DingTalk group (signed callbacks), the desk API finds the cluster, drafts the proposal offline
// with the right numbers, and serves it as a DOCX that parses back; a deputy asks for 热点 and 建议草稿 in the chat.
import JSZip from "jszip";
import { afterAll, beforeAll, expect, it } from "vitest";
import { dingtalkRequest, dingtalkText, send } from "../../support/platform-client.ts";
import { shanghaiDate } from "../../src/infra/shanghai-time.ts";
import { say } from "../support/group-chat.ts";
import { describeEachDatabase } from "../support/test-database.ts";
import {
  DEPUTY,
  DINGTALK_GROUP,
  eventually,
  startTestService,
  type TestService,
} from "../support/start-test-service.ts";

const ADMIN_TOKEN = "proposals-test-admin-token-0123456789";

interface HotspotJson {
  key: string;
  rank: number;
  level2: string;
  place: string | null;
  tickets: number;
  residents: number;
  groups: number;
  ticketNumbers: string[];
  quotes: string[];
}

describeEachDatabase("hotspots and proposals", (kind) => {
  let t: TestService;
  const today = shanghaiDate(new Date());
  const from = `${today.slice(0, 8)}01`;
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${t.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json", ...init.headers },
    });

  beforeAll(async () => {
    t = await startTestService(kind, { env: { MINYI_ADMIN_TOKEN: ADMIN_TOKEN } });
    await say(t, "resident-wang", "幸福小区停车太难了，晚上回来根本找不到车位，电话13812345678");
    await say(t, "resident-zhao", "阳光花园晚上停车难，车位严重不够");
    await say(t, "resident-sun", "和平路的路灯坏了三盏，晚上很黑");
    const report = dingtalkText({
      msgId: "ding-parking-1",
      conversationId: DINGTALK_GROUP,
      senderStaffId: "ding-resident",
      senderNick: "钱女士",
      content: "幸福小区3号楼门口天天乱停车，能不能多划点车位",
      sessionWebhook: `${t.fake.url}/dingtalk/session/ding-parking-1`,
    });
    await send(t.url, dingtalkRequest(t.dingtalkSecret, report));
    await eventually(async () => t.fake.received.some((r) => r.path === "/dingtalk/session/ding-parking-1"));
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it("finds one matter at one place across two groups, and not the same matter at another place", async () => {
    const res = await api(`/api/v1/hotspots?from=${from}&to=${today}`);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: HotspotJson[] };
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      rank: 1,
      level2: "停车管理",
      place: "幸福小区",
      tickets: 2,
      residents: 2,
      groups: 2,
    });
    expect(items[0]!.quotes.join(" ")).not.toContain("13812345678");
    // A period that ends before it starts, whatever today is (on the 1st, today is also the month's first day).
    expect((await api(`/api/v1/hotspots?from=${today}&to=2000-01-01`)).status).toBe(400);
  });

  it("drafts a proposal offline with the hotspot's numbers, serves it as a DOCX that opens, and tracks it", async () => {
    const { items } = (await (await api(`/api/v1/hotspots?from=${from}&to=${today}`)).json()) as {
      items: HotspotJson[];
    };
    const res = await api("/api/v1/proposals", {
      method: "POST",
      body: JSON.stringify({ hotspot: items[0]!.key, from, to: today }),
    });
    expect(res.status).toBe(201);
    const p = (await res.json()) as {
      id: number;
      number: string;
      title: string;
      draftedBy: string;
      sections: { cause: string; situation: string; analysis: string; suggestions: string[] };
      tickets: Array<{ number: string }>;
    };
    expect(p.number).toMatch(/^JY\d{4}-001$/);
    expect(p.title).toBe("关于解决幸福小区停车难问题的建议");
    expect(p.draftedBy).toBe("offline");
    expect(p.sections.cause).toContain("共形成工单2件、涉及群众2人");
    expect(p.sections.situation).toContain("来自2个代表联络群");
    expect(p.sections.suggestions.length).toBeGreaterThanOrEqual(3);
    expect(p.tickets.map((x) => x.number).sort()).toEqual([...items[0]!.ticketNumbers].sort());

    const docx = await api(`/api/v1/proposals/${p.id}.docx`);
    expect(docx.headers.get("content-type")).toContain("wordprocessingml");
    const zip = await JSZip.loadAsync(Buffer.from(await docx.arrayBuffer()));
    const xml = await zip.file("word/document.xml")!.async("string");
    const text = xml.replace(/<[^>]+>/g, "");
    for (const words of [p.title, "一、案由", "四、具体建议", "附：相关工单", ...items[0]!.ticketNumbers])
      expect(text).toContain(words);
    const md = await (await api(`/api/v1/proposals/${p.id}.md`)).text();
    expect(md).toContain(`# ${p.title}`);

    expect(
      (await api(`/api/v1/proposals/${p.id}`, { method: "PATCH", body: JSON.stringify({ status: "submitted" }) }))
        .status,
    ).toBe(400); // no handling unit yet
    for (const change of [
      { status: "submitted", handlingUnit: "区城管委" },
      { status: "replied", reply: "已在小区周边增设停车泊位 60 个" },
      { satisfaction: "满意" },
    ])
      expect((await api(`/api/v1/proposals/${p.id}`, { method: "PATCH", body: JSON.stringify(change) })).status).toBe(
        200,
      );
    const list = (await (await api("/api/v1/proposals")).json()) as {
      figures: { submitted: number; answered: number; closureRate: number; satisfactionRate: number };
    };
    expect(list.figures).toMatchObject({ submitted: 1, answered: 1, closureRate: 1, satisfactionRate: 1 });
  });

  it("lists this month's hotspots for a deputy in the chat and drafts a proposal from one by its number", async () => {
    const listed = await say(t, DEPUTY.userId, "热点");
    expect(listed.answer).toContain("1. 幸福小区 · 停车管理：2 件，涉及 2 人");
    const drafted = await say(t, DEPUTY.userId, "建议草稿 1");
    expect(drafted.answer).toMatch(/已起草代表建议 JY\d{4}-00\d《关于解决幸福小区停车难问题的建议》/);
    const missing = await say(t, DEPUTY.userId, "建议草稿 9");
    expect(missing.answer).toContain("本月没有序号为 9 的热点");
  });
});
