// The desk page in a real browser (Debian's Chromium through playwright-core, headless): sign in, filter the
// list, open a ticket, close it, and see the post it produced reach the group; export the list as CSV; see
// the figures and their charts.
// MINYI_SCREENSHOTS=<dir> also saves screenshots of the pages (the README's come from here).
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shanghaiDate } from "../../src/infra/shanghai-time.ts";
import { WECOM_WEBHOOK_KEY } from "../../support/fake-platform.ts";
import { say, ticketNumberIn } from "../support/group-chat.ts";
import { DEPUTY, eventually, startTestService, type TestService } from "../support/start-test-service.ts";
import { SLA_SETTING } from "../../src/desk/api/mount-settings-api.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SCREENSHOTS = process.env.MINYI_SCREENSHOTS;
const ADMIN = { username: "admin", password: "correct horse battery" };

describe.skipIf(!existsSync(CHROMIUM))("the desk in a browser", () => {
  let t: TestService;
  let browser: Browser;
  let page: Page;
  const numbers: string[] = [];

  const shot = async (name: string) => {
    if (!SCREENSHOTS) return;
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  };

  beforeAll(async () => {
    t = await startTestService("sqlite", {
      env: { MINYI_FIRST_ADMIN: ADMIN.username, MINYI_FIRST_ADMIN_PASSWORD: ADMIN.password },
    });
    for (const text of [
      "和平路的路灯坏了三盏，晚上很黑",
      "幸福小区3号楼门口垃圾两天没人收，味道很大",
      "新华路上有个井盖松了，踩上去晃",
    ])
      numbers.push(ticketNumberIn((await say(t, "resident-wang", text)).answer));
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox"] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("signs in with the keyboard and shows every ticket", async () => {
    await page.goto(`${t.url}/admin/`);
    await shot("sign-in");
    await page.getByLabel("用户名").fill(ADMIN.username);
    await page.getByLabel("密码").fill(ADMIN.password);
    await page.getByLabel("密码").press("Enter");
    await expect.poll(() => page.locator("table.list tbody tr").count()).toBe(3);
    expect(await page.locator("#who").textContent()).toContain("管理员");
    await shot("tickets");
  });

  it("filters the list by a word", async () => {
    await page.getByLabel("关键词").fill("井盖");
    await page.getByRole("button", { name: "筛选" }).click();
    await expect.poll(() => page.locator("table.list tbody tr").count()).toBe(1);
    expect(await page.locator("table.list tbody").textContent()).toContain(numbers[2]);
  });

  it("exports the filtered list as a CSV file Excel reads", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByText("导出 CSV").click()]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text).toContain(numbers[2]);
    expect(text).not.toContain(numbers[0]);
  });

  it("opens a ticket, closes it, and shows the post the group received", async () => {
    await page.getByRole("link", { name: `#${numbers[2]}` }).click();
    await expect.poll(() => page.locator("h1").textContent()).toContain(numbers[2]);
    await shot("ticket");
    const close = page.getByRole("form", { name: "办结" });
    await close.getByLabel("办结说明（会发到群里）").fill("井盖已由市政加固");
    await close.getByRole("button", { name: "办结" }).click();
    await expect.poll(() => page.locator("#toast").textContent()).toContain("已完成");
    expect(await page.locator("dl.facts").textContent()).toContain("已办结");
    expect(await page.locator("ol.timeline").first().textContent()).toContain("来自工作台");

    const post = await eventually(async () =>
      t.fake.received.find((r) => r.path.includes(WECOM_WEBHOOK_KEY) && JSON.stringify(r.body).includes(numbers[2]!)),
    );
    expect(JSON.stringify(post.body)).toContain("井盖已由市政加固");
    await page.reload();
    await expect.poll(() => page.getByLabel("发出的消息").textContent()).toContain("井盖已由市政加固");
    await shot("ticket-closed");
  });

  it("shows the figures of a period with their charts", async () => {
    await page.getByRole("link", { name: "数据" }).click();
    // A period around now, so a run across midnight at the month's end still counts today's tickets.
    const day = (offset: number) => shanghaiDate(new Date(Date.now() + offset * 86_400_000));
    await page.getByLabel("起").fill(day(-1));
    await page.getByLabel("止").fill(day(1));
    await page.getByRole("button", { name: "查看" }).click();
    const kpis = page.getByLabel("闭环指标");
    await expect.poll(() => kpis.textContent()).toContain("新收工单3");
    expect(await kpis.textContent()).toContain("已办结1");
    const chart = page.getByAltText("每周新收与办结柱状图");
    await expect.poll(() => chart.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await shot("figures");
  });

  it("makes an API token on the integrations page and shows it once", async () => {
    await page.getByRole("link", { name: "对接" }).click();
    const form = page.getByRole("form", { name: "新建接口令牌" });
    await form.getByLabel("名称").fill("12345 平台");
    await form.getByLabel("查看工单").check();
    await form.getByRole("button", { name: "生成令牌" }).click();
    const shown = page.getByRole("alert");
    await expect.poll(() => shown.textContent()).toContain("minyi_");
    const token = (await shown.locator("code").textContent())!;
    const res = await fetch(`${t.url}/api/v1/tickets`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    await shot("integrations");
  });

  it("changes a group's reception day on its page and shows the next reception days move", async () => {
    await page.getByRole("link", { name: "群设置" }).click();
    await page.getByRole("link", { name: "幸福社区代表联络群" }).click();
    const form = page.getByRole("form", { name: "接待日规则" });
    await form.getByLabel("每月几号").fill("10");
    await form.getByLabel("地点").fill("幸福社区党群服务中心");
    await form.getByLabel("遇节假日").selectOption("keep");
    await form.getByLabel("轮值代表").fill(DEPUTY.userId);
    await form.getByRole("button", { name: "保存接待日规则" }).click();
    const next = page.locator("#next-reception");
    await expect.poll(() => next.textContent()).toMatch(/-10(、|$)/);
    await shot("group");
    await page.getByRole("form", { name: "接待日规则" }).getByLabel("每月几号").fill("25");
    await page.getByRole("form", { name: "接待日规则" }).getByRole("button", { name: "保存接待日规则" }).click();
    await expect.poll(() => next.textContent()).toMatch(/-25(、|$)/);
    expect(await next.textContent()).not.toContain("-10");

    const places = page.getByRole("form", { name: "地名" });
    await places.getByLabel("每行一个").fill("幸福小区,幸福里\n和平路");
    await places.getByRole("button", { name: "保存地名" }).click();
    await expect.poll(() => page.locator("#toast").textContent()).toContain("已保存");
    const saved = await t.service.db.group.findFirstOrThrow({ where: { name: "幸福社区代表联络群" } });
    expect(JSON.parse(saved.places)).toEqual([
      { name: "幸福小区", aliases: ["幸福里"] },
      { name: "和平路", aliases: [] },
    ]);
  });

  it("sets the time limits in a form, with no JSON to type, and keeps what it did not change", async () => {
    await page.getByRole("link", { name: "设置", exact: true }).click();
    const form = page.getByRole("form", { name: "办理时限" });
    await form.getByLabel("一般反馈时限数值").fill("5");
    await form.getByLabel("紧急（即时转办）反馈时限单位").selectOption("hours");
    await form.getByLabel("紧急（即时转办）反馈时限数值").fill("12");
    await form.getByRole("button", { name: "保存办理时限" }).click();
    await expect.poll(() => page.locator("#toast").textContent()).toContain("已保存");
    const saved = await t.service.db.setting.findUniqueOrThrow({ where: { key: SLA_SETTING } });
    const sla = JSON.parse(saved.value) as {
      tiers: Record<string, Record<string, object>>;
      complexCategories: string[];
    };
    expect(sla.tiers.ordinary!.feedbackWithin).toEqual({ workingDays: 5 });
    expect(sla.tiers.urgent!.feedbackWithin).toEqual({ hours: 12 });
    expect(sla.tiers.complex!.feedbackWithin).toEqual({ workingDays: 15 });
    expect(sla.complexCategories).toContain("老旧小区改造");
    await shot("settings");
  });

  it("drafts a proposal from a hotspot, edits it, and offers it as a Word document", async () => {
    // Linked as duplicates or not, three residents on one matter at one place make a hotspot.
    await say(t, "resident-li", "和平路有好几盏路灯不亮了，晚上走路看不见");
    await say(t, "resident-he", "和平路东段路灯坏了一个多星期了");
    await page.getByRole("link", { name: "建议" }).click();
    const hotspots = page.getByRole("table", { name: "热点" });
    await expect.poll(() => hotspots.textContent()).toContain("和平路");
    await hotspots.getByRole("button", { name: "起草建议" }).first().click();
    const body = page.getByRole("form", { name: "建议正文" });
    await expect.poll(() => body.getByLabel("标题").inputValue()).toContain("关于解决和平路");
    await body.getByLabel("标题").fill("关于尽快修复和平路路灯的建议");
    await body.getByRole("button", { name: "保存正文" }).click();
    await expect.poll(() => page.locator("#toast").textContent()).toContain("已保存");
    const saved = await t.service.db.proposal.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(saved.title).toBe("关于尽快修复和平路路灯的建议");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "下载 Word" }).click();
    expect((await download).suggestedFilename()).toMatch(/\.docx$/);
    await shot("proposal");
  });

  it("shows the deputies' duty points for a month with a chart", async () => {
    await page.getByRole("link", { name: "履职" }).click();
    await page.getByRole("textbox", { name: /^统计期/ }).fill("2026-12");
    await page.getByRole("button", { name: "查看" }).click();
    const table = page.getByRole("table", { name: "履职积分" });
    await expect.poll(() => table.textContent()).toContain(DEPUTY.name);
    const chart = page.getByAltText("代表履职积分柱状图");
    await expect.poll(() => chart.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

    // Staff log an inspection on the page, see it listed, then void it.
    await page.getByRole("textbox", { name: /^统计期/ }).fill(shanghaiDate(new Date()).slice(0, 7));
    await page.getByRole("button", { name: "查看" }).click();
    const logForm = page.getByRole("form", { name: "履职登记" });
    await logForm.getByLabel("类别").selectOption({ label: "视察" });
    await logForm.getByLabel("内容").fill("视察和平路路灯更换");
    await logForm.getByRole("button", { name: "登记" }).click();
    const listed = page.getByRole("list", { name: "已登记的履职" });
    await expect.poll(() => listed.textContent()).toContain("视察和平路路灯更换");
    expect(await t.service.db.dutyActivity.count({ where: { kind: "inspection", voidedAt: null } })).toBe(1);
    await listed.getByRole("button", { name: "作废" }).click();
    await expect.poll(() => listed.textContent()).toContain("已作废");

    // Admins set the points rules on the same page.
    const rules = page.getByRole("form", { name: "积分规则" });
    await rules.getByLabel("视察每次积分").fill("4");
    await rules.getByRole("button", { name: "保存积分规则" }).click();
    await expect.poll(() => page.locator("#toast").textContent()).toContain("已保存");
    const saved = await t.service.db.setting.findUniqueOrThrow({ where: { key: "duty-points" } });
    expect((JSON.parse(saved.value) as { kinds: Record<string, { points: number }> }).kinds.inspection!.points).toBe(4);
  });
});
