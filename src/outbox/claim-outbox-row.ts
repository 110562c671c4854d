// Claims the next due outbox row (pending and due, or stuck in "sending" past its lease after a crash)
// with a conditional UPDATE, so that no two workers send the same row at the same time.
import type { Db } from "../db/create-database.ts";

export interface ClaimedOutboxRow {
  id: number;
  route: string;
  body: string;
  attempts: number;
  maxAttempts: number;
  dedupeKey: string;
  destination: string;
}

export async function claimOutboxRow(db: Db, now: Date, leaseMs: number): Promise<ClaimedOutboxRow | null> {
  const claimable = {
    OR: [
      { status: "pending", nextAttemptAt: { lte: now } },
      { status: "sending", lockedUntil: { lt: now } },
    ],
  };
  const candidates = await db.outboxMessage.findMany({ where: claimable, orderBy: { id: "asc" }, take: 5, select: { id: true } });
  for (const { id } of candidates) {
    const { count } = await db.outboxMessage.updateMany({
      where: { id, ...claimable },
      data: { status: "sending", lockedUntil: new Date(now.getTime() + leaseMs), attempts: { increment: 1 } },
    });
    if (count === 1) {
      return db.outboxMessage.findUniqueOrThrow({
        where: { id },
        select: { id: true, route: true, body: true, attempts: true, maxAttempts: true, dedupeKey: true, destination: true },
      });
    }
  }
  return null;
}
