// The admin API for the outbound path, behind a bearer token (MINYI_ADMIN_TOKEN):
//   GET  /admin/outbox?status=parked   messages that could not be sent, with the reason (newest first)
//   POST /admin/outbox/:id/retry       puts a parked message back in the queue, with fresh attempts
// Mounted only when the token is configured. The token is compared in constant time.
import { createHash, timingSafeEqual } from "node:crypto";
import type Router from "@koa/router";
import type { Db } from "../db/create-database.ts";
import { RequestRejected } from "../http/request-rejected.ts";

const STATUSES = ["pending", "sending", "sent", "parked"] as const;

const digest = (s: string) => createHash("sha256").update(s).digest();

export function mountAdminApi(router: Router, deps: { db: Db; token: string; now: () => Date; onRetry: () => void }): void {
  const expected = digest(deps.token);
  const authorize = (header: string) => {
    const given = header.startsWith("Bearer ") ? header.slice(7) : "";
    if (!given || !timingSafeEqual(digest(given), expected)) {
      throw new RequestRejected("unauthorized", "send Authorization: Bearer <MINYI_ADMIN_TOKEN>");
    }
  };

  router.get("/admin/outbox", async (ctx) => {
    authorize(ctx.get("authorization"));
    const status = String(ctx.query.status ?? "parked");
    if (!(STATUSES as readonly string[]).includes(status)) throw new RequestRejected("missing_parameter", `status must be one of ${STATUSES.join(", ")}`);
    const rows = await deps.db.outboxMessage.findMany({
      where: { status },
      orderBy: { id: "desc" },
      take: 200,
      select: { id: true, dedupeKey: true, destination: true, status: true, attempts: true, lastError: true, createdAt: true, nextAttemptAt: true, body: true },
    });
    ctx.body = {
      messages: rows.map(({ body, ...r }) => ({ ...r, title: (JSON.parse(body) as { title?: string }).title ?? "" })),
    };
  });

  router.post("/admin/outbox/:id/retry", async (ctx) => {
    authorize(ctx.get("authorization"));
    const id = Number(ctx.params.id);
    if (!Number.isInteger(id)) throw new RequestRejected("not_found", `no outbox message ${ctx.params.id}`);
    const { count } = await deps.db.outboxMessage.updateMany({
      where: { id, status: "parked" },
      data: { status: "pending", attempts: 0, nextAttemptAt: deps.now(), lockedUntil: null },
    });
    if (count === 0) {
      const exists = await deps.db.outboxMessage.findUnique({ where: { id }, select: { status: true } });
      if (!exists) throw new RequestRejected("not_found", `no outbox message ${id}`);
      throw new RequestRejected("conflict", `message ${id} is ${exists.status}, not parked`);
    }
    deps.onRetry();
    ctx.body = { id, status: "pending" };
  });
}
