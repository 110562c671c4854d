// Claims the oldest inbox row that is pending, or whose lease ran out (its worker crashed or its last
// attempt failed). The claim is a conditional UPDATE, so two workers — in one process or on two
// replicas — can never both win the same row: the loser's UPDATE matches nothing.
import type { Db } from "../infra/db/create-database.ts";

export interface ClaimedInboxRow {
  id: number;
  payload: string;
  attempts: number;
}

export async function claimInboxRow(db: Db, now: Date, leaseMs: number): Promise<ClaimedInboxRow | null> {
  const claimable = { OR: [{ status: "pending" }, { status: "processing", lockedUntil: { lt: now } }] };
  const candidates = await db.inboxMessage.findMany({
    where: claimable,
    orderBy: { id: "asc" },
    take: 5,
    select: { id: true },
  });
  for (const { id } of candidates) {
    const { count } = await db.inboxMessage.updateMany({
      where: { id, ...claimable },
      data: { status: "processing", lockedUntil: new Date(now.getTime() + leaseMs), attempts: { increment: 1 } },
    });
    if (count === 1)
      return db.inboxMessage.findUniqueOrThrow({ where: { id }, select: { id: true, payload: true, attempts: true } });
  }
  return null;
}
