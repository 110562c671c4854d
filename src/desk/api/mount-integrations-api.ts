// For the district's systems, managed by an admin on the desk:
//   GET    /api/v1/tokens                 API tokens (never the token itself)
//   POST   /api/v1/tokens                 {name, scopes[]} → {id, token}: the token is shown this once
//   DELETE /api/v1/tokens/:id             revokes it at once
//   GET    /api/v1/webhooks               subscriptions (never the secret) with their latest deliveries
//   POST   /api/v1/webhooks               {url, secret?} → {id, secret}: a secret is made when none is given
//   DELETE /api/v1/webhooks/:id           stops sending to it (queued deliveries are parked)
//   POST   /api/v1/webhooks/deliveries/:id/replay   sends a delivery again (a new outbox message)
import { randomBytes } from "node:crypto";
import type Router from "@koa/router";
import type { Logger } from "../../infra/create-logger.ts";
import { parseJsonObject, readBody } from "../../infra/read-body.ts";
import { RequestRejected } from "../../infra/request-rejected.ts";
import { API_SCOPES, parseScopes } from "../accounts/api-scopes.ts";
import { makeApiToken } from "../accounts/api-tokens.ts";
import { rowId } from "../stuck-messages.ts";
import { recentDeskAudit, recordDeskAudit } from "../desk-audit.ts";
import { authenticate, checkCsrf, requireAdmin, type AuthDeps } from "./principal.ts";

export interface IntegrationsApiDeps extends AuthDeps {
  log: Logger;
  onOutboxRetry?: () => void;
}

const DELIVERIES_SHOWN = 20;

export function mountIntegrationsApi(router: Router, deps: IntegrationsApiDeps): void {
  const { db } = deps;
  const admin = async (ctx: Parameters<Parameters<Router["get"]>[1]>[0], change: boolean) => {
    const who = await authenticate(ctx, deps);
    requireAdmin(who);
    if (change) checkCsrf(ctx, who);
    return who;
  };

  router.get("/api/v1/audit", async (ctx) => {
    await admin(ctx, false);
    ctx.body = { items: await recentDeskAudit(db) };
  });

  router.get("/api/v1/tokens", async (ctx) => {
    await admin(ctx, false);
    const rows = await db.apiToken.findMany({ orderBy: { id: "desc" } });
    ctx.body = {
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        scopes: parseScopes(r.scopes),
        createdBy: r.createdBy,
        createdAt: r.createdAt.toISOString(),
        lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
        revoked: r.revokedAt !== null,
      })),
    };
  });

  router.post("/api/v1/tokens", async (ctx) => {
    const who = await admin(ctx, true);
    const body = parseJsonObject(await readBody(ctx, 16 * 1024), "body");
    const name = typeof body.name === "string" ? body.name.trim().slice(0, 100) : "";
    const scopes = Array.isArray(body.scopes) ? parseScopes(body.scopes.map(String).join(",")) : [];
    if (!name) throw new RequestRejected("missing_parameter", "name is required");
    if (scopes.length === 0)
      throw new RequestRejected("missing_parameter", `scopes must name at least one of ${API_SCOPES.join(", ")}`);
    const made = await makeApiToken(db, { name, scopes, createdBy: who.username }, deps.now());
    await recordDeskAudit(
      db,
      deps.log,
      {
        actor: who.username,
        action: "token.create",
        target: `token:${made.id}`,
        detail: `${name} (${scopes.join(", ")})`,
      },
      deps.now(),
    );
    ctx.status = 201;
    ctx.body = { id: made.id, token: made.token, scopes };
  });

  router.delete("/api/v1/tokens/:id", async (ctx) => {
    const who = await admin(ctx, true);
    const id = rowId(ctx.params.id);
    const { count } = await db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: deps.now() } });
    if (count === 0) throw new RequestRejected("not_found", `no live token ${id}`);
    await recordDeskAudit(
      db,
      deps.log,
      { actor: who.username, action: "token.revoke", target: `token:${id}` },
      deps.now(),
    );
    ctx.status = 204;
  });

  router.get("/api/v1/webhooks", async (ctx) => {
    await admin(ctx, false);
    const subs = await db.webhookSubscription.findMany({ orderBy: { id: "desc" } });
    ctx.body = {
      items: await Promise.all(
        subs.map(async (s) => ({
          id: s.id,
          url: s.url,
          createdBy: s.createdBy,
          createdAt: s.createdAt.toISOString(),
          disabled: s.disabledAt !== null,
          deliveries: (
            await db.outboxMessage.findMany({
              where: { destination: `webhook:${s.id}` },
              orderBy: { id: "desc" },
              take: DELIVERIES_SHOWN,
              select: {
                id: true,
                status: true,
                attempts: true,
                lastError: true,
                createdAt: true,
                sentAt: true,
                body: true,
              },
            })
          ).map(({ body, ...d }) => ({ ...d, event: (JSON.parse(body) as { title: string }).title })),
        })),
      ),
    };
  });

  router.post("/api/v1/webhooks", async (ctx) => {
    const who = await admin(ctx, true);
    const body = parseJsonObject(await readBody(ctx, 16 * 1024), "body");
    const url = typeof body.url === "string" ? body.url.trim() : "";
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new RequestRejected("missing_parameter", "url must be an http(s) URL");
    }
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
      throw new RequestRejected("missing_parameter", "url must be an http(s) URL");
    const secret =
      typeof body.secret === "string" && body.secret.length >= 16 ? body.secret : randomBytes(24).toString("base64url");
    const row = await db.webhookSubscription.create({
      data: { url: parsed.toString(), secret, createdBy: who.username, createdAt: deps.now() },
    });
    await recordDeskAudit(
      db,
      deps.log,
      { actor: who.username, action: "webhook.create", target: `webhook:${row.id}`, detail: parsed.host },
      deps.now(),
    );
    ctx.status = 201;
    ctx.body = { id: row.id, url: row.url, secret };
  });

  router.delete("/api/v1/webhooks/:id", async (ctx) => {
    const who = await admin(ctx, true);
    const id = rowId(ctx.params.id);
    const { count } = await db.webhookSubscription.updateMany({
      where: { id, disabledAt: null },
      data: { disabledAt: deps.now() },
    });
    if (count === 0) throw new RequestRejected("not_found", `no live webhook ${id}`);
    await recordDeskAudit(
      db,
      deps.log,
      { actor: who.username, action: "webhook.remove", target: `webhook:${id}` },
      deps.now(),
    );
    ctx.status = 204;
  });

  router.post("/api/v1/webhooks/deliveries/:id/replay", async (ctx) => {
    const who = await admin(ctx, true);
    const id = rowId(ctx.params.id);
    const d = await db.outboxMessage.findUnique({ where: { id } });
    if (!d || !d.destination.startsWith("webhook:"))
      throw new RequestRejected("not_found", `no webhook delivery ${id}`);
    const at = deps.now();
    const copy = await db.outboxMessage.create({
      data: {
        dedupeKey: `${d.dedupeKey}:replay:${at.getTime()}`,
        route: d.route,
        destination: d.destination,
        body: d.body,
        ticketId: d.ticketId,
        nextAttemptAt: at,
        createdAt: at,
      },
    });
    await recordDeskAudit(
      db,
      deps.log,
      { actor: who.username, action: "webhook.replay", target: `outbox:${id}`, detail: `as outbox:${copy.id}` },
      deps.now(),
    );
    deps.onOutboxRetry?.();
    ctx.status = 201;
    ctx.body = { id: copy.id, status: "pending" };
  });
}
