// Writes an outbound message inside the caller's transaction. The dedupe key makes the write
// idempotent: the same logical message (e.g. "ack for ticket 12") is never queued twice.
import type { Tx } from "../db/create-database.ts";
import type { OutboundBody, ReplyRoute } from "../outbound/reply-route.ts";

export interface OutboxEntry {
  dedupeKey: string;
  route: ReplyRoute;
  /** Rate-limit key: one robot in one group, or one user of the app. */
  destination: string;
  body: OutboundBody;
  ticketId?: number;
}

export async function enqueue(tx: Tx, entry: OutboxEntry, now: Date): Promise<void> {
  await tx.outboxMessage.create({
    data: {
      dedupeKey: entry.dedupeKey,
      route: JSON.stringify(entry.route),
      destination: entry.destination,
      body: JSON.stringify(entry.body),
      ticketId: entry.ticketId ?? null,
      nextAttemptAt: now,
      createdAt: now,
    },
  });
}
