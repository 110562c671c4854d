// Writes an outbound message inside the caller's transaction. The dedupe key makes the write
// idempotent: the same logical message (e.g. "ack for ticket 12") is never queued twice. Personal data
// (phone, ID and bank-card numbers, plates, e-mail, self-introduced names, room numbers) is masked here, so nothing that leaves through the
// outbox carries it, whoever composed the text.
import type { Tx } from "../infra/db/create-database.ts";
import { NO_ROUTE, type ReplyRoute } from "./reply-route.ts";
import type { OutboundBody } from "./outbound-body.ts";
import { maskForPost } from "../infra/mask-personal-data.ts";

export interface OutboxEntry {
  dedupeKey: string;
  route: ReplyRoute;
  /** Rate-limit key: one robot in one group, or one user of the app. */
  destination: string;
  body: OutboundBody;
  ticketId?: number;
}

/** The route's own expiry (its `expiresAt`), after which retrying is pointless; null: the worker's give-up horizon applies. */
function routeExpiry(route: ReplyRoute, now: Date): Date | null {
  if (route.kind === NO_ROUTE) return now;
  return typeof route.expiresAt === "string" ? new Date(route.expiresAt) : null;
}

export async function enqueue(tx: Tx, entry: OutboxEntry, now: Date): Promise<void> {
  await tx.outboxMessage.create({
    data: {
      dedupeKey: entry.dedupeKey,
      route: JSON.stringify(entry.route),
      destination: entry.destination,
      body: JSON.stringify({
        ...entry.body,
        title: maskForPost(entry.body.title),
        markdown: maskForPost(entry.body.markdown),
      }),
      ticketId: entry.ticketId ?? null,
      nextAttemptAt: now,
      createdAt: now,
      expiresAt: routeExpiry(entry.route, now),
    },
  });
}
