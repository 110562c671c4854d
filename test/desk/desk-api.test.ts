// The desk's REST API on the real service: who may call it (no token, a wrong token, a viewer, a cookie
// without its CSRF token), the ticket list's filters and paging, a ticket's story, actions run as the chat
// commands they stand for (recorded as from the web, posted to the group, once per Idempotency-Key), the CSV
// export, the OpenAPI document and the page itself.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createAccount } from "../../src/desk/accounts/create-account.ts";
import { shanghaiDate } from "../../src/infra/shanghai-time.ts";
import { WECOM_WEBHOOK_KEY } from "../../support/fake-platform.ts";
import { say, ticketNumberIn } from "../support/group-chat.ts";
import { DEPUTY, eventually, startTestService, type TestService } from "../support/start-test-service.ts";
import { describeEachDatabase } from "../support/test-database.ts";

const ADMIN_TOKEN = "desk-test-admin-token-0123456789";
const ADMIN = { username: "admin", password: "correct horse battery" };

/** A browser-like client: keeps the session cookie, sends the CSRF token when told to. */
class Browser {
  cookie = "";
  csrf = "";
  constructor(private readonly base: string) {}
  async signIn(username: string, password: string) {
    const res = await this.call("POST", "/api/v1/session", { username, password });
    if (res.status === 200) {
      this.cookie = res.headers.get("set-cookie")!.split(";")[0]!;
      this.csrf = ((await res.clone().json()) as { csrfToken: string }).csrfToken;
    }
    return res;
  }
  call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    return fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }
  act(number: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
    return this.call("POST", `/api/v1/tickets/${number}/actions`, body, { "x-csrf-token": this.csrf, ...headers });
  }
}

describeEachDatabase("the desk's API", (kind) => {
  let t: TestService;
  let browser: Browser;
  const numbers: string[] = [];
  beforeAll(async () => {
    t = await startTestService(kind, {
      env: {
        MINYI_ADMIN_TOKEN: ADMIN_TOKEN,
        MINYI_FIRST_ADMIN: ADMIN.username,
        MINYI_FIRST_ADMIN_PASSWORD: ADMIN.password,
      },
    });
    for (const text of ["和平路的路灯坏了三盏，晚上很黑", "幸福小区3号楼门口垃圾两天没人收", "新华路上有个井盖松了"])
      numbers.push(ticketNumberIn((await say(t, "resident-wang", text)).answer));
    browser = new Browser(t.url);
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${t.url}${path}`, { headers });

  it("refuses the ticket list without credentials or with a wrong token, and lists tickets with the admin token", async () => {
    expect((await get("/api/v1/tickets")).status).toBe(401);
    expect((await get("/api/v1/tickets", bearer("not-the-token-at-all-000"))).status).toBe(401);
    const res = await get("/api/v1/tickets", bearer(ADMIN_TOKEN));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: Array<{ number: string }> };
    expect(body.items.map((i) => i.number)).toEqual([...numbers].reverse());
  });

  it("serves the OpenAPI document and the page", async () => {
    const doc = (await (await get("/api/v1/openapi.json")).json()) as { openapi: string; paths: object };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/api/v1/tickets/{number}/actions");
    const page = await get("/admin/");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(await page.text()).toContain("民意 · 工作台");
  });

  it("answers a wrong password and an unknown user alike, and refuses sign-in after five failures", async () => {
    const wrong = await new Browser(t.url).signIn("someone", "not the password!");
    expect(wrong.status).toBe(401);
    const unknown = await new Browser(t.url).signIn("nobody-here", "not the password!");
    expect(await unknown.json()).toEqual(await wrong.json());
    for (let i = 0; i < 4; i++) await new Browser(t.url).signIn("someone", "not the password!");
    expect((await new Browser(t.url).signIn("someone", "not the password!")).status).toBe(429);
  });

  it("signs in with a session cookie that is HttpOnly and SameSite=Strict", async () => {
    const res = await browser.signIn(ADMIN.username, ADMIN.password);
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect((await browser.call("GET", "/api/v1/tickets")).status).toBe(200);
  });

  it("refuses a change made with the cookie but without the CSRF token", async () => {
    const res = await browser.call("POST", `/api/v1/tickets/${numbers[0]}/actions`, { action: "claim" });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toBe("csrf_failed");
  });

  it("closes a ticket as the chat command would: an event from the web by the account, and a post to the group", async () => {
    const res = await browser.act(numbers[0]!, { action: "close", outcome: "fixed", note: "路灯已全部修复" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      applied: boolean;
      ticket: { status: string; events: Array<{ kind: string; source: string; actor: string }> };
    };
    expect(body.applied).toBe(true);
    expect(body.ticket.status).toBe("closed");
    expect(body.ticket.events.at(-1)).toMatchObject({ kind: "closed", source: "web", actor: "管理员" });
    const post = await eventually(async () =>
      t.fake.received.find((r) => r.path.includes(WECOM_WEBHOOK_KEY) && JSON.stringify(r.body).includes(numbers[0]!)),
    );
    expect(JSON.stringify(post.body)).toContain("路灯已全部修复");
  });

  it("acts once for a repeated Idempotency-Key, and shows a refusal on the desk instead of posting it", async () => {
    const key = { "idempotency-key": "progress-once-1" };
    const first = await browser.act(numbers[1]!, { action: "progress", note: "已联系物业" }, key);
    const again = await browser.act(numbers[1]!, { action: "progress", note: "已联系物业" }, key);
    expect(first.status).toBe(200);
    expect(((await again.json()) as { repeated: boolean }).repeated).toBe(true);
    const story = (await (await browser.call("GET", `/api/v1/tickets/${numbers[1]}`)).json()) as {
      events: Array<{ kind: string }>;
    };
    expect(story.events.filter((e) => e.kind === "progress")).toHaveLength(1);

    const postsBefore = t.fake.received.length;
    const refused = await browser.act(numbers[0]!, { action: "close" }); // closed already
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { message: string }).message).toContain("已办结");
    await new Promise((r) => setTimeout(r, 300));
    expect(t.fake.received.length).toBe(postsBefore);
  });

  it("filters by status and text, pages with a cursor, and refuses an unknown status", async () => {
    const closed = (await (await browser.call("GET", "/api/v1/tickets?status=closed")).json()) as {
      items: Array<{ number: string }>;
    };
    expect(closed.items.map((i) => i.number)).toEqual([numbers[0]]);
    const text = (await (await browser.call("GET", `/api/v1/tickets?q=${encodeURIComponent("井盖")}`)).json()) as {
      items: Array<{ number: string }>;
    };
    expect(text.items.map((i) => i.number)).toEqual([numbers[2]]);
    // One or two characters: an index of characters (SQLite FTS5) or of characters and pairs (PostgreSQL GIN),
    // checked again with LIKE: "黑" is the last character of a text, "，晚" spans punctuation and is not a pair.
    const short = async (q: string) =>
      (
        (await (await browser.call("GET", `/api/v1/tickets?q=${encodeURIComponent(q)}`)).json()) as {
          items: Array<{ number: string }>;
        }
      ).items.map((i) => i.number);
    expect(await short("黑")).toEqual([numbers[0]]);
    expect(await short("路")).toEqual([numbers[2], numbers[0]]);
    expect(await short("盏晚")).toEqual([]);
    expect(await short("鳄鱼")).toEqual([]);
    // Three characters or more: on SQLite through the FTS5 trigram index, on PostgreSQL through pg_trgm.
    const longer = (await (
      await browser.call("GET", `/api/v1/tickets?q=${encodeURIComponent("幸福小区3号楼")}`)
    ).json()) as { items: Array<{ number: string }> };
    expect(longer.items.map((i) => i.number)).toEqual([numbers[1]]);
    const first = (await (await browser.call("GET", "/api/v1/tickets?limit=2")).json()) as {
      items: Array<{ number: string }>;
      nextCursor: number;
    };
    const second = (await (await browser.call("GET", `/api/v1/tickets?limit=2&cursor=${first.nextCursor}`)).json()) as {
      items: Array<{ number: string }>;
      nextCursor: number | null;
    };
    expect([...first.items, ...second.items].map((i) => i.number)).toEqual([...numbers].reverse());
    expect(second.nextCursor).toBeNull();
    expect((await browser.call("GET", "/api/v1/tickets?status=lost")).status).toBe(400);
  });

  it("exports the filtered list as CSV with a byte-order mark for Excel", async () => {
    const res = await get("/api/v1/tickets.csv?status=closed", bearer(ADMIN_TOKEN));
    expect(res.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split("\r\n").filter(Boolean);
    expect(lines[0]).toContain("编号");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(numbers[0]);
  });

  it("lets a viewer read but not act, and shows a deputy only the groups they are a deputy of", async () => {
    await createAccount(
      t.service.db,
      { username: "viewer1", password: "viewer password 1", role: "viewer" },
      new Date(),
    );
    await createAccount(
      t.service.db,
      { username: "deputy1", password: "deputy password 1", role: "deputy", platformUserId: DEPUTY.userId },
      new Date(),
    );
    await createAccount(
      t.service.db,
      { username: "deputy2", password: "deputy password 2", role: "deputy", platformUserId: "someone-else" },
      new Date(),
    );
    const viewer = new Browser(t.url);
    await viewer.signIn("viewer1", "viewer password 1");
    expect((await viewer.call("GET", "/api/v1/tickets")).status).toBe(200);
    expect((await viewer.act(numbers[2]!, { action: "claim" })).status).toBe(403);

    const deputy = new Browser(t.url);
    await deputy.signIn("deputy1", "deputy password 1");
    const mine = (await (await deputy.call("GET", "/api/v1/tickets")).json()) as { items: unknown[] };
    expect(mine.items).toHaveLength(3);
    const claim = await deputy.act(numbers[2]!, { action: "claim" });
    expect(((await claim.json()) as { applied: boolean }).applied).toBe(true);

    const stranger = new Browser(t.url);
    await stranger.signIn("deputy2", "deputy password 2");
    expect(((await (await stranger.call("GET", "/api/v1/tickets")).json()) as { items: unknown[] }).items).toEqual([]);
    expect((await stranger.call("GET", `/api/v1/tickets/${numbers[2]}`)).status).toBe(404);
  });

  it("reports the period's figures from grouped SQL, as JSON, SVG charts and CSV", async () => {
    const day = (offset: number) => shanghaiDate(new Date(Date.now() + offset * 86_400_000));
    const period = `from=${day(-1)}&to=${day(1)}`;
    const res = await get(`/api/v1/figures?${period}`, bearer(ADMIN_TOKEN));
    expect(res.status).toBe(200);
    const { figures } = (await res.json()) as {
      figures: {
        received: number;
        closed: number;
        closureRate: number;
        weekly: Array<{ received: number; closed: number }>;
        categories: Array<{ count: number }>;
        handlers: Array<{ handler: string; handled: number; closed: number }>;
      };
    };
    expect(figures).toMatchObject({ received: 3, closed: 1 });
    expect(figures.closureRate).toBeCloseTo(1 / 3);
    expect(figures.weekly.reduce((n, w) => n + w.received, 0)).toBe(3);
    expect(figures.weekly.reduce((n, w) => n + w.closed, 0)).toBe(1);
    expect(figures.categories.reduce((n, c) => n + c.count, 0)).toBe(3);
    expect(figures.handlers).toContainEqual({ handler: "管理员", handled: 2, closed: 1 });

    const chart = await get(`/api/v1/figures/weekly.svg?${period}`, bearer(ADMIN_TOKEN));
    expect(chart.headers.get("content-type")).toContain("image/svg+xml");
    expect(await chart.text()).toMatch(/^<svg[^>]*role="img"/);
    const csv = await get(`/api/v1/figures.csv?${period}`, bearer(ADMIN_TOKEN));
    expect(await csv.text()).toContain('"办结率","33.3%"');
    expect((await get(`/api/v1/figures?from=2026-13-01`, bearer(ADMIN_TOKEN))).status).toBe(400);
  });

  it("shows a message the platform refused as stuck, to staff only, and sends it again on retry", async () => {
    t.fake.failNext("/cgi-bin/webhook/send", 1, { errcode: 93000, errmsg: "invalid webhook url" });
    await browser.act(numbers[1]!, { action: "reply", note: "已安排环卫明早清运" });
    type Stuck = { parked: Array<{ id: number; ticket: string; lastError: string }> };
    const stuck = await eventually(async () => {
      const body = (await (await browser.call("GET", "/api/v1/stuck")).json()) as Stuck;
      return body.parked.find((m) => m.ticket === numbers[1]);
    });
    expect(stuck.lastError).toContain("93000");

    const viewer = new Browser(t.url);
    await viewer.signIn("viewer1", "viewer password 1");
    expect((await viewer.call("GET", "/api/v1/stuck")).status).toBe(403);

    const retried = await browser.call(
      "POST",
      `/api/v1/stuck/outbox/${stuck.id}/retry`,
      {},
      { "x-csrf-token": browser.csrf },
    );
    expect(retried.status).toBe(200);
    await eventually(async () =>
      t.fake.received.find(
        (r) => r.path.includes(WECOM_WEBHOOK_KEY) && JSON.stringify(r.body).includes("已安排环卫明早清运"),
      ),
    );
    const again = await browser.call(
      "POST",
      `/api/v1/stuck/outbox/${stuck.id}/retry`,
      {},
      { "x-csrf-token": browser.csrf },
    );
    expect(again.status).toBe(409);
  });

  it("runs every other action as its chat command: transfer, release, recategorize, merge, reopen", async () => {
    const a = ticketNumberIn((await say(t, "resident-chen", "幸福小区5号楼的楼道灯坏了")).answer);
    const b = ticketNumberIn((await say(t, "resident-qian", "人民路公交站的顶棚漏雨")).answer);
    expect(b).not.toBe(a);
    const act = async (number: string, body: Record<string, unknown>) => {
      const res = await browser.act(number, body);
      const json = (await res.json()) as {
        applied: boolean;
        message: string;
        ticket: { status: string; level2: string; assignee: string | null };
      };
      expect(json.applied, json.message).toBe(true);
      return json.ticket;
    };
    expect((await act(a, { action: "transfer", to: DEPUTY.name })).assignee).toBe(DEPUTY.name);
    expect((await act(a, { action: "release" })).assignee).toBeNull();
    expect((await act(a, { action: "recategorize", category: "路灯照明" })).level2).toBe("路灯照明");
    expect((await act(b, { action: "merge", into: a })).status).toBe("closed");
    await act(a, { action: "close", outcome: "not_fixed", note: "灯具需整体更换，已报街道" });
    expect((await act(a, { action: "reopen", note: "居民反映仍未修好" })).status).toBe("reopened");
    const story = (await (await browser.call("GET", `/api/v1/tickets/${a}`)).json()) as {
      events: Array<{ kind: string; source: string }>;
    };
    const fromWeb = story.events.filter((e) => e.source === "web").map((e) => e.kind);
    expect(fromWeb).toEqual(expect.arrayContaining(["recategorized", "closed", "reopened"]));
  });

  it("exports the list and the figures as Excel workbooks that read back", async () => {
    const { default: ExcelJS } = await import("exceljs");
    const read = async (path: string) => {
      const res = await get(path, bearer(ADMIN_TOKEN));
      expect(res.headers.get("content-type")).toContain("spreadsheetml");
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await res.arrayBuffer());
      return book;
    };
    const list = (await read("/api/v1/tickets.xlsx?status=closed")).getWorksheet("工单")!;
    expect(list.getRow(1).getCell(1).value).toBe("编号");
    const numbersInSheet = list.getColumn(1).values.slice(2);
    expect(numbersInSheet).toContain(numbers[0]);
    const day = (offset: number) => shanghaiDate(new Date(Date.now() + offset * 86_400_000));
    const figures = await read(`/api/v1/figures.xlsx?from=${day(-1)}&to=${day(1)}`);
    expect(figures.worksheets.map((w) => w.name)).toEqual(["概况", "每周", "类别", "热点社区", "办理人"]);
    expect(figures.getWorksheet("概况")!.getRow(3).values).toEqual([undefined, "新收工单", expect.any(Number)]);
  });
});
