// The duty ledger (履职积分) derived from a month of real chat: a deputy relays a resident's matter, claims and
// closes it, attends a reception day logged by staff, and staff log an inspection on the desk; the points
// follow the rules file, change when the rules change, and drop when a logged activity is voided.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, expect, it } from "vitest";
import { send, wecomBotRequest, wecomBotText } from "../../support/platform-client.ts";
import { say, ticketNumberIn } from "../support/group-chat.ts";
import {
  DEPUTY,
  eventually,
  STAFF,
  startTestService,
  WECOM_GROUP,
  type TestService,
} from "../support/start-test-service.ts";
import { describeEachDatabase } from "../support/test-database.ts";

const ADMIN = { username: "admin", password: "correct horse battery" };

interface Line {
  deputyId: string;
  total: number;
  rank: number;
  breakdown: Array<{ kind: string; count: number; points: number }>;
  monthsWithoutOpinion: string[];
}

describeEachDatabase("the duty ledger", (kind) => {
  let t: TestService;
  const clock = new Date("2026-12-10T10:00:00+08:00");
  const now = () => clock;
  let cookie = "";
  let csrf = "";
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${t.url}${path}`, {
      method,
      headers: { cookie, "x-csrf-token": csrf, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const signIn = async () => {
    const res = await fetch(`${t.url}/api/v1/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(ADMIN),
    });
    cookie = res.headers.get("set-cookie")!.split(";")[0]!;
    csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  };
  const ledger = async (period = "2026-12") => {
    const body = (await (await call("GET", `/api/v1/deputies/points?period=${period}`)).json()) as { deputies: Line[] };
    return body.deputies.find((d) => d.deputyId === DEPUTY.userId)!;
  };

  beforeAll(async () => {
    t = await startTestService(kind, {
      now,
      env: { MINYI_FIRST_ADMIN: ADMIN.username, MINYI_FIRST_ADMIN_PASSWORD: ADMIN.password },
    });
    await signIn();

    // The deputy relays a resident's words, quoting them.
    const relay = wecomBotRequest(
      t.botKeys,
      wecomBotText({
        msgId: "relay-1",
        chatId: WECOM_GROUP,
        from: DEPUTY.userId,
        content: "请登记一下",
        quote: "和平路3号楼门口的路灯坏了一个星期了",
        responseUrl: `${t.fake.url}/wecom/response/relay-1`,
      }),
      clock,
    );
    expect((await send(t.url, relay)).status).toBe(200);
    const answer = await eventually(async () => t.fake.received.find((r) => r.path === "/wecom/response/relay-1"));
    const number = ticketNumberIn(JSON.stringify(answer.body));
    // … claims it and closes it; staff log the reception day the deputy attended.
    await say(t, DEPUTY.userId, `认领 #${number}`, clock);
    await say(t, DEPUTY.userId, `办结 #${number} 路灯已修复`, clock);
    await say(t, STAFF.userId, `接待登记 12月10日 确认 来访 5 人 到场代表：${DEPUTY.name}`, clock);
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it("counts what the bot recorded, and a logged inspection, by the rules", async () => {
    const logged = await call("POST", "/api/v1/deputies/activities", {
      deputyId: DEPUTY.userId,
      kind: "inspection",
      date: "2026-12-05",
      note: "视察老旧小区改造工地",
    });
    expect(logged.status).toBe(201);
    const line = await ledger();
    const points = Object.fromEntries(line.breakdown.map((b) => [b.kind, [b.count, b.points]]));
    expect(points).toEqual({
      reception: [1, 5],
      relay: [1, 2],
      claim: [1, 1],
      close: [1, 2],
      inspection: [1, 3],
    });
    expect(line.total).toBe(13);
    expect(line.rank).toBe(1);
    expect(line.monthsWithoutOpinion).toEqual([]);
    const november = await ledger("2026-11");
    expect(november.total).toBe(0);
    expect(november.monthsWithoutOpinion).toEqual(["2026-11"]);
  });

  it("refuses to log an activity the bot records itself, or for someone who is not a deputy, in Chinese", async () => {
    const own = await call("POST", "/api/v1/deputies/activities", {
      deputyId: DEPUTY.userId,
      kind: "close",
      date: "2026-12-05",
    });
    expect(((await own.json()) as { message: string }).message).toContain("由系统自动记录");
    const stranger = await call("POST", "/api/v1/deputies/activities", {
      deputyId: STAFF.userId,
      kind: "inspection",
      date: "2026-12-05",
    });
    expect(((await stranger.json()) as { message: string }).message).toContain("不是任何群的代表");
  });

  it("recomputes every ledger when the rules change", async () => {
    const rules = JSON.parse(readFileSync(new URL("../../config/duty-points.json", import.meta.url), "utf8")) as {
      kinds: Record<string, { points: number }>;
    };
    rules.kinds.inspection!.points = 10;
    const file = join(mkdtempSync(join(tmpdir(), "minyi-points-")), "duty-points.json");
    writeFileSync(file, JSON.stringify(rules));
    t.env.MINYI_DUTY_POINTS_FILE = file;
    await t.restart();
    await signIn();
    expect((await ledger()).total).toBe(20);
  });

  it("drops a voided activity from the points and keeps it, marked, in the list", async () => {
    const list = (await (await call("GET", "/api/v1/deputies/activities?period=2026-12")).json()) as {
      items: Array<{ id: number; kind: string; voidedAt: string | null }>;
    };
    const inspection = list.items.find((a) => a.kind === "inspection")!;
    expect((await call("DELETE", `/api/v1/deputies/activities/${inspection.id}`)).status).toBe(204);
    expect((await ledger()).total).toBe(10);
    const after = (await (await call("GET", "/api/v1/deputies/activities?period=2026-12")).json()) as {
      items: Array<{ id: number; voidedAt: string | null }>;
    };
    expect(after.items.find((a) => a.id === inspection.id)!.voidedAt).not.toBeNull();
  });

  it("logs an activity from the chat with 履职登记 once, though the platform delivers the message twice", async () => {
    const said = await say(t, STAFF.userId, `履职登记 ${DEPUTY.name} 调研 12月8日 调研加装电梯意愿`, clock);
    expect(said.answer).toContain(`已登记：${DEPUTY.name} 12月8日 调研（计 3 分）`);
    expect((await send(t.url, said.request)).status).toBe(200);
    const leave = await say(t, STAFF.userId, `履职登记 ${DEPUTY.name} 请假 12月9日 外出学习`, clock);
    expect(leave.answer).toContain("接待日请假（不计分）");
    const wrong = await say(t, STAFF.userId, `履职登记 ${DEPUTY.name} 跳舞 12月9日`, clock);
    expect(wrong.answer).toContain("无法识别履职类别“跳舞”");
    await new Promise((r) => setTimeout(r, 300));
    const rows = await t.service.db.dutyActivity.findMany({ where: { kind: "research" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ deputyId: DEPUTY.userId, date: "2026-12-08", note: "调研加装电梯意愿" });
    const research = (await ledger()).breakdown.find((b) => b.kind === "research");
    expect(research).toMatchObject({ count: 1, points: 3 });
  });

  it("exports the deputy's duty file for the month as a workbook and a Word document that read back", async () => {
    const xlsx = await call("GET", `/api/v1/deputies/${DEPUTY.userId}/file.xlsx?period=2026-12`);
    expect(xlsx.status).toBe(200);
    const { default: ExcelJS } = await import("exceljs");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const records = book.getWorksheet("履职记录")!;
    const rows = records.getSheetValues().slice(2) as unknown[][];
    const kinds = rows.map((r) => r[2]);
    expect(kinds).toEqual(expect.arrayContaining(["接待日到场", "转达群众意见", "认领办理", "办结群众诉求", "调研"]));
    expect(rows.map((r) => r[1])).toEqual([...rows.map((r) => r[1])].sort()); // in date order
    const docx = await call("GET", `/api/v1/deputies/${DEPUTY.userId}/file.docx?period=2026-12`);
    const zip = await JSZip.loadAsync(Buffer.from(await docx.arrayBuffer()));
    const text = (await zip.file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "");
    for (const words of ["人大代表履职档案（2026-12）", DEPUTY.name, "履职积分明细", "调研加装电梯意愿"])
      expect(text).toContain(words);
    expect((await call("GET", "/api/v1/deputies/nobody/file.xlsx?period=2026-12")).status).toBe(404);
  });

  it("recomputes every ledger when an admin changes the rules on the desk, without a restart", async () => {
    const rules = (await (await call("GET", "/api/v1/settings/duty-points")).json()) as {
      kinds: Record<string, { label: string; points: number }>;
    };
    rules.kinds.research!.points = 6;
    const res = await call("PUT", "/api/v1/settings/duty-points", rules);
    expect(res.status).toBe(200);
    expect((await ledger()).breakdown.find((b) => b.kind === "research")).toMatchObject({ count: 1, points: 6 });
    const bad = await call("PUT", "/api/v1/settings/duty-points", {
      kinds: { inspection: { label: "视察", points: 3 } },
    });
    expect(bad.status).toBe(400); // the automatic kinds need their rules
  });
});
