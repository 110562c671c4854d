// The periodic jobs of a worker process: overdue nudges (催办), and picking up corrections that other
// replicas stored. Issue-5 schedules (reminders, digests) will join here behind node-cron.
import type { Db } from "../db/create-database.ts";
import type { Logger } from "../log/create-logger.ts";
import type { LearningClassifier } from "../understanding/learning-classifier.ts";
import { PollLoop } from "../workers/poll-loop.ts";
import { nudgeOverdue } from "./nudge-overdue.ts";

export function createJobsLoop(deps: { db: Db; now: () => Date; log: Logger; pollMs: number; classifier: LearningClassifier; onQueued: () => void }): PollLoop {
  return new PollLoop(
    "jobs",
    async () => {
      const queued = await nudgeOverdue(deps.db, deps.now(), deps.log);
      if (queued > 0) deps.onQueued();
      await deps.classifier.refresh();
      return false; // one pass per period
    },
    deps.pollMs,
    deps.log,
  );
}
