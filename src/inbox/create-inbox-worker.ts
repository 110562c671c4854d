// The inbox worker: claim a row, hand it to the processor the composition root gives it (the
// conversation), repeat. A failed attempt keeps the row leased for a growing back-off (the lease doubles
// as the retry timer); after MAX_ATTEMPTS it is marked failed with its error, visible to admins, instead of
// blocking the queue forever.
import type { Db } from "../infra/db/create-database.ts";
import type { Logger } from "../infra/create-logger.ts";
import { PollLoop } from "../infra/poll-loop.ts";
import { claimInboxRow, type ClaimedInboxRow } from "./claim-inbox-row.ts";

export const MAX_INBOX_ATTEMPTS = 5;

export interface InboxWorkerDeps {
  db: Db;
  now: () => Date;
  /** Processes one row; must be safe to run twice for the same row (at-least-once). */
  process: (row: ClaimedInboxRow) => Promise<unknown>;
  leaseMs: number;
  pollMs: number;
  log: Logger;
  /** Called after a row was processed (the composition root wakes the outbox with it). */
  onProcessed?: () => void;
}

export function createInboxWorker(deps: InboxWorkerDeps): PollLoop {
  const { db, now, log } = deps;
  return new PollLoop(
    "inbox",
    async () => {
      const row = await claimInboxRow(db, now(), deps.leaseMs);
      if (!row) return false;
      try {
        await deps.process(row);
        deps.onProcessed?.();
      } catch (err) {
        const failed = row.attempts >= MAX_INBOX_ATTEMPTS;
        const retryIn = Math.min(2 ** row.attempts * 1000, 5 * 60_000);
        // Only a row still in our hands: if another worker finished it meanwhile, "done" stays.
        await db.inboxMessage.updateMany({
          where: { id: row.id, status: "processing" },
          data: {
            status: failed ? "failed" : "processing",
            lockedUntil: failed ? null : new Date(now().getTime() + retryIn),
            lastError: String((err as Error).message ?? err).slice(0, 1000),
          },
        });
        log.error({ err, inboxId: row.id, attempts: row.attempts, failed }, "inbox message processing failed");
      }
      return true;
    },
    deps.pollMs,
    log,
  );
}
