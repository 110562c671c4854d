// What is stuck, on the desk (admins and staff):
//   GET  /api/v1/stuck                       parked outbound messages, failed inbound ones, blocked destinations
//   POST /api/v1/stuck/outbox/:id/retry      puts a parked message back in the queue (fresh attempts, now)
//   POST /api/v1/stuck/inbox/:id/retry       processes a failed inbound message again
// Each retry is logged with the account that asked for it.
import type Router from "@koa/router";
import type { Logger } from "../../infra/create-logger.ts";
import {
  listBlockedDestinations,
  listInbox,
  listOutbox,
  retryFailedInbox,
  retryParked,
  rowId,
} from "../stuck-messages.ts";
import { recordDeskAudit } from "../desk-audit.ts";
import { authenticate, checkCsrf, requireRole, requireScope, type AuthDeps } from "./principal.ts";

export interface StuckApiDeps extends AuthDeps {
  log: Logger;
  /** Wake the workers after a retry. */
  onOutboxRetry?: () => void;
  onInboxRetry?: () => void;
}

const STAFF_ROLES = ["admin", "staff"] as const;

export function mountStuckApi(router: Router, deps: StuckApiDeps): void {
  const { db } = deps;
  router.get("/api/v1/stuck", async (ctx) => {
    const who = await authenticate(ctx, deps);
    requireRole(who, STAFF_ROLES);
    requireScope(who, "stuck");
    const [parked, failed, blocked] = await Promise.all([
      listOutbox(db, "parked"),
      listInbox(db, "failed"),
      listBlockedDestinations(db, deps.now()),
    ]);
    ctx.body = { parked, failed, blocked };
  });

  router.post("/api/v1/stuck/outbox/:id/retry", async (ctx) => {
    const who = await authenticate(ctx, deps);
    requireRole(who, STAFF_ROLES);
    requireScope(who, "stuck");
    checkCsrf(ctx, who);
    const id = rowId(ctx.params.id);
    await retryParked(db, id, deps.now());
    await recordDeskAudit(
      db,
      deps.log,
      { actor: who.username, action: "outbox.retry", target: `outbox:${id}` },
      deps.now(),
    );
    deps.onOutboxRetry?.();
    ctx.body = { id, status: "pending" };
  });

  router.post("/api/v1/stuck/inbox/:id/retry", async (ctx) => {
    const who = await authenticate(ctx, deps);
    requireRole(who, STAFF_ROLES);
    requireScope(who, "stuck");
    checkCsrf(ctx, who);
    const id = rowId(ctx.params.id);
    await retryFailedInbox(db, id);
    await recordDeskAudit(
      db,
      deps.log,
      { actor: who.username, action: "inbox.retry", target: `inbox:${id}` },
      deps.now(),
    );
    deps.onInboxRetry?.();
    ctx.body = { id, status: "pending" };
  });
}
