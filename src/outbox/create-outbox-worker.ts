// The outbox worker: claim a due message, check its destination may receive now (not blocked by the
// platform, a free slot under the per-minute limit), hand it to the platform sender, record the outcome
// as the retry policy decides (src/outbox/retry-policy.ts): sent, held back, retried later, or parked
// with its reason for an admin to see and retry (src/admin).
// Up to `concurrency` sends are in flight at once, each to a different destination, so a slow or
// failing robot never holds up the others; one destination's messages go one at a time, oldest first
// (src/outbox/claim-outbox-row.ts).
// Delivery is at-least-once: a crash after the platform accepted a message but before "sent" is
// written re-sends it once the lease expires; a send that timed out may be repeated (capped).
import type { Db } from "../infra/db/create-database.ts";
import type { Logger } from "../infra/create-logger.ts";
import type { Deliverer } from "./create-deliverer.ts";
import { DeliveryError, NetworkFailure, PlatformRejected } from "./delivery-error.ts";
import { destinationKind, type Metrics } from "../infra/metrics.ts";
import { ReplyRouteSchema, type ReplyRoute } from "./reply-route.ts";
import { OutboundBodySchema } from "./outbound-body.ts";
import { PollLoop } from "../infra/poll-loop.ts";
import { claimOutboxRow, type ClaimedOutboxRow } from "./claim-outbox-row.ts";
import { blockDestination, blockedUntil, holdBack } from "./hold-destination.ts";
import { retryDecision } from "./retry-policy.ts";
import { takeSendSlot, type RateLimit } from "./send-slots.ts";

/** How long a message is put back when another replica holds the connection it goes through. */
const LEFT_TO_HOLDER_MS = 500;

export interface OutboxWorkerDeps {
  db: Db;
  /** The channels' senders; also says which routes post as a group robot, which both platforms limit to
   * 20 messages a minute (DingTalk then blocks the robot for 10 minutes). Other routes (the WeCom AI bot's
   * response_url, the app's message/send) have no documented per-group limit; they are still held back
   * when the platform throttles them. */
  deliverer: Deliverer;
  now: () => Date;
  log: Logger;
  leaseMs: number;
  pollMs: number;
  rateLimit: RateLimit;
  /** Sends in flight at once (each to its own destination). */
  concurrency: number;
  /** How long robot and API messages are retried (reply URLs stop at their own expiry). */
  giveUpMs: number;
  /** Counts every attempt by outcome (absent in benchmarks that build a worker alone). */
  metrics?: Pick<Metrics, "sends">;
}

/** What an attempt came to, as counted: "sent", the platform's errcode, "timeout", "network" or "refused". */
function outcomeOf(err: unknown): string {
  if (err instanceof PlatformRejected) return String(err.errcode);
  if (err instanceof NetworkFailure) return err.uncertain ? "timeout" : "network";
  return "refused";
}

export interface OutboxWorker {
  start(): void;
  wake(): void;
  /** Stops claiming and waits for the sends in flight. */
  stop(): Promise<void>;
}

export function createOutboxWorker(deps: OutboxWorkerDeps): OutboxWorker {
  const { db, now, log } = deps;
  const inFlight = new Map<string, Promise<void>>();

  async function mayReceiveNow(row: ClaimedOutboxRow, route: ReplyRoute): Promise<boolean> {
    const at = now();
    if (deps.deliverer.heldElsewhere(route)) {
      // The replica holding the connection sends it; put it back for a moment, without counting an attempt.
      await holdBack(db, row, new Date(at.getTime() + LEFT_TO_HOLDER_MS));
      log.debug({ outboxId: row.id, route: route.kind }, "message left to the replica holding the connection");
      return false;
    }
    const blocked = await blockedUntil(db, row.destination, at);
    const slot =
      blocked || !deps.deliverer.rateLimited(route)
        ? null
        : await takeSendSlot(db, row.destination, deps.rateLimit, at);
    const waitUntil = blocked ?? (slot && !slot.taken ? slot.freeAt : null);
    if (!waitUntil) return true;
    await holdBack(db, row, waitUntil);
    log.info(
      {
        outboxId: row.id,
        destination: row.destination,
        until: waitUntil,
        why: blocked ? "blocked by the platform" : "rate limit",
      },
      "message held back",
    );
    return false;
  }

  async function recordFailure(row: ClaimedOutboxRow, route: ReplyRoute | null, err: unknown): Promise<void> {
    const decision = retryDecision(
      row,
      route ? deps.deliverer.platformDedupes(route) : false,
      err,
      now(),
      deps.giveUpMs,
    );
    if (decision.kind === "throttled") {
      await blockDestination(db, row.destination, decision.until, decision.reason);
      await holdBack(db, row, decision.until);
      log.warn(
        { outboxId: row.id, destination: row.destination, until: decision.until, reason: decision.reason },
        "destination throttled by the platform",
      );
      return;
    }
    const uncertainSends = decision.uncertain ? { increment: 1 } : undefined;
    await db.outboxMessage.update({
      where: { id: row.id },
      data:
        decision.kind === "park"
          ? { status: "parked", lockedUntil: null, lastError: decision.reason, uncertainSends }
          : {
              status: "pending",
              lockedUntil: null,
              lastError: decision.reason,
              nextAttemptAt: decision.at,
              uncertainSends,
            },
    });
    log.warn(
      {
        outboxId: row.id,
        key: row.dedupeKey,
        attempts: row.attempts,
        parked: decision.kind === "park",
        reason: decision.reason,
      },
      "message not sent",
    );
  }

  async function sendOne(row: ClaimedOutboxRow): Promise<void> {
    let route: ReplyRoute;
    try {
      route = ReplyRouteSchema.parse(JSON.parse(row.route));
    } catch (err) {
      // An unreadable route cannot become readable: parked, showing the route.
      await recordFailure(
        row,
        null,
        new DeliveryError(`unreadable route ${row.route.slice(0, 200)}: ${(err as Error).message.slice(0, 300)}`, true),
      );
      return;
    }
    if (!(await mayReceiveNow(row, route))) return;
    const counted = { route_kind: route.kind, destination_kind: destinationKind(row.destination) };
    try {
      await deps.deliverer.deliver(route, OutboundBodySchema.parse(JSON.parse(row.body)));
      deps.metrics?.sends.inc({ ...counted, outcome: "sent" });
      await db.outboxMessage.update({
        where: { id: row.id },
        data: { status: "sent", sentAt: now(), lockedUntil: null, lastError: null },
      });
      log.info({ outboxId: row.id, key: row.dedupeKey, attempts: row.attempts }, "message sent");
    } catch (err) {
      deps.metrics?.sends.inc({ ...counted, outcome: outcomeOf(err) });
      await recordFailure(row, route, err);
    }
  }

  const loop = new PollLoop(
    "outbox",
    async () => {
      if (inFlight.size >= deps.concurrency) {
        await Promise.race(inFlight.values());
        return true;
      }
      const row = await claimOutboxRow(db, now(), deps.leaseMs, new Set(inFlight.keys()));
      if (!row) return false; // idle until the poll, a wake(), or a send in flight finishing
      const task = sendOne(row)
        .catch((err) => log.error({ err, outboxId: row.id }, "outbox send failed"))
        .finally(() => {
          inFlight.delete(row.destination);
          loop.wake();
        });
      inFlight.set(row.destination, task);
      return true;
    },
    deps.pollMs,
    log,
  );

  return {
    start: () => loop.start(),
    wake: () => loop.wake(),
    async stop() {
      await loop.stop();
      await Promise.all(inFlight.values());
    },
  };
}
