// The admin API for what is stuck, behind a bearer token (MINYI_ADMIN_TOKEN):
//   GET  /admin/outbox?status=parked        messages that could not be sent, with the reason (newest first)
//   POST /admin/outbox/:id/retry            puts a parked message back in the queue, with fresh attempts
//   POST /admin/outbox/retry?destination=…&error=…   the same for every parked message matching the
//                                           filters (destination: exact; error: part of the reason)
//   GET  /admin/inbox?status=failed         inbound messages whose processing failed, with the reason
//   POST /admin/inbox/:id/retry             processes a failed inbound message again
// Mounted only when the token is configured (on its own listener with MINYI_ADMIN_LISTEN). The token
// is compared in constant time.
import { createHash, timingSafeEqual } from "node:crypto";
import type Router from "@koa/router";
import type { Db } from "../infra/db/create-database.ts";
import { RequestRejected } from "../infra/request-rejected.ts";
import { listInbox, listOutbox, retryFailedInbox, retryParked, retryParkedMatching, rowId } from "./stuck-messages.ts";

const OUTBOX_STATUSES = ["pending", "sending", "sent", "parked"] as const;
const INBOX_STATUSES = ["pending", "processing", "done", "failed"] as const;

const digest = (s: string) => createHash("sha256").update(s).digest();

function statusParam<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  const status = String(value ?? fallback);
  if (!(allowed as readonly string[]).includes(status))
    throw new RequestRejected("missing_parameter", `status must be one of ${allowed.join(", ")}`);
  return status as T;
}

export function mountAdminApi(
  router: Router,
  deps: { db: Db; token: string; now: () => Date; onRetry: () => void; onInboxRetry?: () => void },
): void {
  const { db } = deps;
  const expected = digest(deps.token);
  const authorize = (header: string) => {
    const given = header.startsWith("Bearer ") ? header.slice(7) : "";
    if (!given || !timingSafeEqual(digest(given), expected)) {
      throw new RequestRejected("unauthorized", "send Authorization: Bearer <MINYI_ADMIN_TOKEN>");
    }
  };

  /** GET <path>?status=…: the newest 200 rows in that status. */
  const mountList = <S extends string>(
    path: string,
    statuses: readonly S[],
    fallback: S,
    rows: (status: S) => Promise<unknown[]>,
  ) =>
    router.get(path, async (ctx) => {
      authorize(ctx.get("authorization"));
      ctx.body = { messages: await rows(statusParam(ctx.query.status, statuses, fallback)) };
    });

  mountList("/admin/outbox", OUTBOX_STATUSES, "parked", (status) => listOutbox(db, status));

  router.post("/admin/outbox/retry", async (ctx) => {
    authorize(ctx.get("authorization"));
    const destination = typeof ctx.query.destination === "string" ? ctx.query.destination : undefined;
    const error = typeof ctx.query.error === "string" ? ctx.query.error : undefined;
    const count = await retryParkedMatching(db, { destination, error }, deps.now());
    if (count > 0) deps.onRetry();
    ctx.body = { retried: count };
  });

  router.post("/admin/outbox/:id/retry", async (ctx) => {
    authorize(ctx.get("authorization"));
    const id = rowId(ctx.params.id);
    await retryParked(db, id, deps.now());
    deps.onRetry();
    ctx.body = { id, status: "pending" };
  });

  mountList("/admin/inbox", INBOX_STATUSES, "failed", (status) => listInbox(db, status));

  router.post("/admin/inbox/:id/retry", async (ctx) => {
    authorize(ctx.get("authorization"));
    const id = rowId(ctx.params.id);
    await retryFailedInbox(db, id);
    deps.onInboxRetry?.();
    ctx.body = { id, status: "pending" };
  });
}
