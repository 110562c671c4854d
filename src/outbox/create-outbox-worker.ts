// The outbox worker: claim a due message, hand it to the platform sender, record the outcome.
// Sent → "sent". Transient failure → back to "pending" with back-off. Permanent failure, or the last
// attempt → "parked" with the reason, for an admin to see (and, later, retry).
// Delivery is at-least-once: a crash after the platform accepted a message but before "sent" is
// written re-sends it once the lease expires.
import type { Db } from "../db/create-database.ts";
import type { Logger } from "../log/create-logger.ts";
import type { Deliver } from "../outbound/create-deliverer.ts";
import { DeliveryError } from "../outbound/delivery-error.ts";
import { OutboundBodySchema, ReplyRouteSchema } from "../outbound/reply-route.ts";
import { PollLoop } from "../workers/poll-loop.ts";
import { backoffMs } from "./backoff.ts";
import { claimOutboxRow } from "./claim-outbox-row.ts";

export interface OutboxWorkerDeps {
  db: Db;
  deliver: Deliver;
  now: () => Date;
  log: Logger;
  leaseMs: number;
  pollMs: number;
}

export function createOutboxWorker(deps: OutboxWorkerDeps): PollLoop {
  const { db, now, log } = deps;
  return new PollLoop(
    "outbox",
    async () => {
      const row = await claimOutboxRow(db, now(), deps.leaseMs);
      if (!row) return false;
      try {
        await deps.deliver(ReplyRouteSchema.parse(JSON.parse(row.route)), OutboundBodySchema.parse(JSON.parse(row.body)));
        await db.outboxMessage.update({ where: { id: row.id }, data: { status: "sent", sentAt: now(), lockedUntil: null, lastError: null } });
        log.info({ outboxId: row.id, key: row.dedupeKey, attempts: row.attempts }, "message sent");
      } catch (err) {
        const permanent = !(err instanceof DeliveryError) || err.permanent;
        const park = permanent || row.attempts >= row.maxAttempts;
        const reason = String((err as Error).message ?? err).slice(0, 1000);
        await db.outboxMessage.update({
          where: { id: row.id },
          data: park
            ? { status: "parked", lockedUntil: null, lastError: reason }
            : { status: "pending", lockedUntil: null, lastError: reason, nextAttemptAt: new Date(now().getTime() + backoffMs(row.attempts)) },
        });
        log.warn({ outboxId: row.id, key: row.dedupeKey, attempts: row.attempts, parked: park, reason }, "message not sent");
      }
      return true;
    },
    deps.pollMs,
    log,
  );
}
