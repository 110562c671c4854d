// A run of a scheduled job that is due now, and the one way it happens: its run key is recorded and
// its messages queued in one transaction. The key is unique, so the run happens once — after a restart
// (catch-up within the job's grace window) and when two replicas find it due at the same moment (the
// second one's insert fails on the key and its transaction queues nothing).
import type { Db } from "../infra/db/create-database.ts";
import { isUniqueViolation } from "../infra/db/is-unique-violation.ts";
import { enqueue, type OutboxEntry } from "../outbox/enqueue.ts";

export interface DueRun {
  /** e.g. reminder:7:2026-12-10:T-3 · digest:7:2026-W49 · digest-monthly:7:2026-11 */
  key: string;
  job: "reception-reminder" | "weekly-digest" | "monthly-digest";
  groupId: number | null;
  /** The scheduled instant (the run may be later: catch-up). */
  dueAt: Date;
  /** Composes the messages; called only when the run has not happened yet. */
  compose(): Promise<OutboxEntry[]>;
}

/** Records the run and queues its messages atomically; false when it had already run. */
export async function recordRun(db: Db, run: DueRun, messages: OutboxEntry[], now: Date): Promise<boolean> {
  try {
    await db.$transaction(async (tx) => {
      await tx.scheduledRun.create({
        data: { key: run.key, job: run.job, groupId: run.groupId, dueAt: run.dueAt, ranAt: now },
      });
      for (const m of messages) await enqueue(tx, m, now);
    });
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}
