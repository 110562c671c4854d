// The outbox worker: claim a due message, check its destination may receive now (not blocked by the
// platform, a free slot under the per-minute limit), hand it to the platform sender, record the outcome.
// Sent → "sent". Throttled by the platform → the destination is blocked for the time the platform
// demands, the message waits without losing an attempt. Transient failure → back to "pending" with
// back-off. Permanent failure, or the last attempt → "parked" with the reason, for an admin to see and
// retry (src/admin). A destination that is held back or failing never holds up the others.
// Delivery is at-least-once: a crash after the platform accepted a message but before "sent" is
// written re-sends it once the lease expires.
import type { Db } from "../db/create-database.ts";
import type { Logger } from "../log/create-logger.ts";
import type { Deliver } from "../outbound/create-deliverer.ts";
import { DeliveryError } from "../outbound/delivery-error.ts";
import { OutboundBodySchema, ReplyRouteSchema, type ReplyRoute } from "../outbound/reply-route.ts";
import { PollLoop } from "../workers/poll-loop.ts";
import { backoffMs } from "./backoff.ts";
import { claimOutboxRow, type ClaimedOutboxRow } from "./claim-outbox-row.ts";
import { blockDestination, blockedUntil, holdBack } from "./hold-destination.ts";
import { takeSendSlot, type RateLimit } from "./send-slots.ts";

/**
 * Routes that post as a group robot, which both platforms limit to 20 messages a minute (DingTalk then
 * blocks the robot for 10 minutes). The WeCom AI bot's one-use response_url and the app's message/send
 * have no such documented per-group limit; they are still held back when WeCom answers 45009.
 */
const RATE_LIMITED_ROUTES = new Set<ReplyRoute["kind"]>(["wecom-group-webhook", "dingtalk-robot-webhook", "dingtalk-openapi-group", "dingtalk-session-webhook"]);

export interface OutboxWorkerDeps {
  db: Db;
  deliver: Deliver;
  now: () => Date;
  log: Logger;
  leaseMs: number;
  pollMs: number;
  rateLimit: RateLimit;
}

export function createOutboxWorker(deps: OutboxWorkerDeps): PollLoop {
  const { db, now, log } = deps;

  async function mayReceiveNow(row: ClaimedOutboxRow, route: ReplyRoute): Promise<boolean> {
    const at = now();
    const blocked = await blockedUntil(db, row.destination, at);
    const slot = blocked || !RATE_LIMITED_ROUTES.has(route.kind) ? null : await takeSendSlot(db, row.destination, deps.rateLimit, at);
    const waitUntil = blocked ?? (slot && !slot.taken ? slot.freeAt : null);
    if (!waitUntil) return true;
    await holdBack(db, row, waitUntil);
    log.info({ outboxId: row.id, destination: row.destination, until: waitUntil, why: blocked ? "blocked by the platform" : "rate limit" }, "message held back");
    return false;
  }

  async function recordFailure(row: ClaimedOutboxRow, err: unknown): Promise<void> {
    const reason = String((err as Error).message ?? err).slice(0, 1000);
    if (err instanceof DeliveryError && err.throttleMs) {
      const until = new Date(now().getTime() + err.throttleMs);
      await blockDestination(db, row.destination, until, reason);
      await holdBack(db, row, until);
      log.warn({ outboxId: row.id, destination: row.destination, until, reason }, "destination throttled by the platform");
      return;
    }
    const permanent = !(err instanceof DeliveryError) || err.permanent;
    const park = permanent || row.attempts >= row.maxAttempts;
    const retryAt = new Date(now().getTime() + backoffMs(row.attempts));
    await db.outboxMessage.update({
      where: { id: row.id },
      data: park ? { status: "parked", lockedUntil: null, lastError: reason } : { status: "pending", lockedUntil: null, lastError: reason, nextAttemptAt: retryAt },
    });
    log.warn({ outboxId: row.id, key: row.dedupeKey, attempts: row.attempts, parked: park, reason }, "message not sent");
  }

  return new PollLoop(
    "outbox",
    async () => {
      const row = await claimOutboxRow(db, now(), deps.leaseMs);
      if (!row) return false;
      let route: ReplyRoute;
      try {
        route = ReplyRouteSchema.parse(JSON.parse(row.route));
      } catch (err) {
        // An unreadable route cannot become readable: parked, showing the route.
        await recordFailure(row, new DeliveryError(`unreadable route ${row.route.slice(0, 200)}: ${(err as Error).message.slice(0, 300)}`, true));
        return true;
      }
      if (!(await mayReceiveNow(row, route))) return true;
      try {
        await deps.deliver(route, OutboundBodySchema.parse(JSON.parse(row.body)));
        await db.outboxMessage.update({ where: { id: row.id }, data: { status: "sent", sentAt: now(), lockedUntil: null, lastError: null } });
        log.info({ outboxId: row.id, key: row.dedupeKey, attempts: row.attempts }, "message sent");
      } catch (err) {
        await recordFailure(row, err);
      }
      return true;
    },
    deps.pollMs,
    log,
  );
}
