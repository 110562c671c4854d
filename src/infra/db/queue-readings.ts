// The shared queues as an operator sees them (for /metrics): rows by status, and how long the oldest row
// still waiting has waited. Two grouped counts and two indexed MIN() reads per scrape.
import type { QueueReadings } from "../metrics.ts";
import type { Db } from "./create-database.ts";

export async function readQueues(db: Db, now: Date): Promise<QueueReadings> {
  const [inbox, outbox, inboxOldest, outboxOldest] = await Promise.all([
    db.inboxMessage.groupBy({ by: ["status"], _count: { _all: true } }),
    db.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } }),
    db.inboxMessage.aggregate({
      where: { status: { in: ["pending", "processing"] } },
      _min: { receivedAt: true },
    }),
    db.outboxMessage.aggregate({ where: { status: { in: ["pending", "sending"] } }, _min: { createdAt: true } }),
  ]);
  const since = (d: Date | null | undefined) => (d ? Math.max(0, (now.getTime() - d.getTime()) / 1000) : 0);
  return {
    inbox: Object.fromEntries(inbox.map((r) => [r.status, r._count._all])),
    outbox: Object.fromEntries(outbox.map((r) => [r.status, r._count._all])),
    inboxOldestSeconds: since(inboxOldest._min.receivedAt),
    outboxOldestSeconds: since(outboxOldest._min.createdAt),
  };
}
