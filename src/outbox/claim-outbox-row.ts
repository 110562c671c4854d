// Claims the next due outbox row (pending and due, or stuck in "sending" past its lease after a crash)
// with a conditional UPDATE, so that no two workers send the same row at the same time.
// Order per destination: a destination with a message in flight in this process (`busy`) is skipped,
// and of a destination's due messages only the oldest is tried, so one process sends a destination's
// messages one at a time, oldest first. A message waiting out its back-off does not hold back the due
// ones behind it (a failing reply must not silence a whole group). Across replicas, sends to one
// destination may overlap: a live "sending" lease elsewhere is not waited for, because the lease of a
// replica that died mid-send would otherwise silence that group until it ran out.
import type { Db } from "../infra/db/create-database.ts";

export interface ClaimedOutboxRow {
  id: number;
  route: string;
  body: string;
  attempts: number;
  uncertainSends: number;
  dedupeKey: string;
  destination: string;
  createdAt: Date;
  expiresAt: Date | null;
}

const CANDIDATES = 50;

export async function claimOutboxRow(
  db: Db,
  now: Date,
  leaseMs: number,
  busy: ReadonlySet<string> = new Set(),
): Promise<ClaimedOutboxRow | null> {
  const claimable = {
    OR: [
      { status: "pending", nextAttemptAt: { lte: now } },
      { status: "sending", lockedUntil: { lt: now } },
    ],
  };
  const rows = await db.outboxMessage.findMany({
    where: { ...claimable, ...(busy.size ? { destination: { notIn: [...busy] } } : {}) },
    orderBy: { id: "asc" },
    take: CANDIDATES,
    select: { id: true, destination: true },
  });
  const oldestPerDestination = new Map<string, number>();
  for (const r of rows) if (!oldestPerDestination.has(r.destination)) oldestPerDestination.set(r.destination, r.id);

  for (const id of oldestPerDestination.values()) {
    const { count } = await db.outboxMessage.updateMany({
      where: { id, ...claimable },
      data: { status: "sending", lockedUntil: new Date(now.getTime() + leaseMs), attempts: { increment: 1 } },
    });
    if (count === 1) {
      return db.outboxMessage.findUniqueOrThrow({
        where: { id },
        select: {
          id: true,
          route: true,
          body: true,
          attempts: true,
          uncertainSends: true,
          dedupeKey: true,
          destination: true,
          createdAt: true,
          expiresAt: true,
        },
      });
    }
  }
  return null;
}
