// The district's systems: API tokens with scopes (made and revoked by an admin; a token does only what its
// scopes name), and webhooks out: a ticket event reaches a subscriber signed with HMAC-SHA256 over
// "<timestamp>.<body>", without the resident's id, and a delivery can be sent again.
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { say, ticketNumberIn } from "../support/group-chat.ts";
import { eventually, startTestService, type TestService } from "../support/start-test-service.ts";
import { describeEachDatabase } from "../support/test-database.ts";

const ADMIN = { username: "admin", password: "correct horse battery" };
const SECRET = "subscriber-shared-secret-0123456789";

interface Delivery {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

describeEachDatabase("API tokens and webhooks", (kind) => {
  let t: TestService;
  let subscriber: Server;
  let subscriberUrl: string;
  const deliveries: Delivery[] = [];
  let cookie = "";
  let csrf = "";

  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${t.url}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const asAdmin = (method: string, path: string, body?: unknown) =>
    call(method, path, body, { cookie, "x-csrf-token": csrf });
  const withToken = (token: string, method: string, path: string, body?: unknown) =>
    call(method, path, body, { authorization: `Bearer ${token}` });

  beforeAll(async () => {
    subscriber = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += String(c)));
      req.on("end", () => {
        deliveries.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => subscriber.listen(0, "127.0.0.1", r));
    subscriberUrl = `http://127.0.0.1:${(subscriber.address() as AddressInfo).port}/minyi-events`;
    t = await startTestService(kind, {
      env: { MINYI_FIRST_ADMIN: ADMIN.username, MINYI_FIRST_ADMIN_PASSWORD: ADMIN.password },
    });
    const res = await call("POST", "/api/v1/session", ADMIN);
    cookie = res.headers.get("set-cookie")!.split(";")[0]!;
    csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await new Promise<void>((r) => subscriber.close(() => r()));
  });

  it("lets a token read tickets with tickets:read but not act, see figures or make tokens, until it is revoked", async () => {
    const made = await asAdmin("POST", "/api/v1/tokens", { name: "12345 平台", scopes: ["tickets:read"] });
    expect(made.status).toBe(201);
    const { id, token } = (await made.json()) as { id: number; token: string };
    expect(token).toMatch(/^minyi_/);

    const number = ticketNumberIn((await say(t, "resident-li", "和平路的路灯坏了三盏")).answer);
    expect((await withToken(token, "GET", "/api/v1/tickets")).status).toBe(200);
    expect((await withToken(token, "POST", `/api/v1/tickets/${number}/actions`, { action: "claim" })).status).toBe(403);
    expect((await withToken(token, "GET", "/api/v1/figures")).status).toBe(403);
    expect((await withToken(token, "POST", "/api/v1/tokens", { name: "x", scopes: ["stuck"] })).status).toBe(403);
    const listed = (await (await asAdmin("GET", "/api/v1/tokens")).json()) as { items: Array<Record<string, unknown>> };
    expect(JSON.stringify(listed)).not.toContain(token);

    expect((await asAdmin("DELETE", `/api/v1/tokens/${id}`)).status).toBe(204);
    expect((await withToken(token, "GET", "/api/v1/tickets")).status).toBe(401);
  });

  it("lets a token with tickets:write act, recorded as from the web", async () => {
    const { token } = (await (
      await asAdmin("POST", "/api/v1/tokens", { name: "代表履职平台", scopes: ["tickets:read", "tickets:write"] })
    ).json()) as { token: string };
    const number = ticketNumberIn((await say(t, "resident-li", "幸福小区北门的井盖松了")).answer);
    const res = await withToken(token, "POST", `/api/v1/tickets/${number}/actions`, { action: "claim" });
    expect(((await res.json()) as { applied: boolean }).applied).toBe(true);
  });

  it("posts a signed ticket event to a subscriber, without the resident's id, and sends a delivery again on replay", async () => {
    const made = await asAdmin("POST", "/api/v1/webhooks", { url: subscriberUrl, secret: SECRET });
    expect(made.status).toBe(201);
    const number = ticketNumberIn((await say(t, "resident-zhou", "新华路菜市场门口占道经营，路都堵了")).answer);
    const delivery = await eventually(async () => deliveries.find((d) => d.body.includes(number)));

    const timestamp = String(delivery.headers["x-minyi-timestamp"]);
    const expected = `sha256=${createHmac("sha256", SECRET).update(`${timestamp}.${delivery.body}`).digest("hex")}`;
    expect(delivery.headers["x-minyi-signature"]).toBe(expected);
    expect(Math.abs(Date.now() / 1000 - Number(timestamp))).toBeLessThan(60);
    expect(JSON.parse(delivery.body)).toMatchObject({ event: "ticket.created", ticket: number, status: "received" });
    expect(delivery.body).not.toContain("resident-zhou");

    const hooks = (await (await asAdmin("GET", "/api/v1/webhooks")).json()) as {
      items: Array<{ deliveries: Array<{ id: number; status: string; event: string }> }>;
    };
    const sent = hooks.items[0]!.deliveries.find((d) => d.event === "ticket.created" && d.status === "sent")!;
    const before = deliveries.filter((d) => d.body.includes(number)).length;
    expect((await asAdmin("POST", `/api/v1/webhooks/deliveries/${sent.id}/replay`)).status).toBe(201);
    await eventually(async () => deliveries.filter((d) => d.body.includes(number)).length > before);
  });

  it("keeps every change an admin made in the desk's audit trail, without secrets", async () => {
    const res = await asAdmin("GET", "/api/v1/audit");
    const { items } = (await res.json()) as { items: Array<{ actor: string; action: string; target: string }> };
    const actions = items.map((i) => i.action);
    expect(actions).toEqual(
      expect.arrayContaining(["account.create", "token.create", "token.revoke", "webhook.create", "webhook.replay"]),
    );
    expect(items.find((i) => i.action === "account.create")!.actor).toBe("environment");
    expect(items.find((i) => i.action === "token.create")!.actor).toBe(ADMIN.username);
    expect(JSON.stringify(items)).not.toContain(SECRET);
  });
});
