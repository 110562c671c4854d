// Holding back a destination: when the platform throttles a robot (DingTalk 130101 blocks it for 10
// minutes, WeCom 45009) nothing more is sent to it until the block ends, and when our own rate limit is
// used up its queued messages wait for the next free slot. Either way the destination's pending
// messages are moved to that time, so the worker's next claims go to other destinations instead.
import type { Db } from "../infra/db/create-database.ts";

export async function blockedUntil(db: Db, destination: string, now: Date): Promise<Date | null> {
  const row = await db.outboundDestination.findUnique({ where: { key: destination } });
  return row?.blockedUntil && row.blockedUntil > now ? row.blockedUntil : null;
}

/** Records a platform-imposed block: nothing is sent to the destination before `until`. */
export async function blockDestination(db: Db, destination: string, until: Date, reason: string): Promise<void> {
  await db.outboundDestination.upsert({
    where: { key: destination },
    create: { key: destination, blockedUntil: until, reason },
    update: { blockedUntil: until, reason },
  });
}

/**
 * Puts a claimed row back, without counting the attempt (the message did nothing wrong), and makes it
 * and every other pending message for the destination wait until `until`.
 */
export async function holdBack(db: Db, row: { id: number; destination: string }, until: Date): Promise<void> {
  await db.$transaction([
    db.outboxMessage.update({
      where: { id: row.id },
      data: { status: "pending", lockedUntil: null, attempts: { decrement: 1 }, nextAttemptAt: until },
    }),
    db.outboxMessage.updateMany({
      where: { destination: row.destination, status: "pending", nextAttemptAt: { lt: until } },
      data: { nextAttemptAt: until },
    }),
  ]);
}
