// The periodic jobs of a worker process: scheduled runs (reception-day notices, digests), overdue nudges
// (催办), and picking up corrections that other replicas stored. The loop polls every MINYI_JOBS_POLL_MS;
// node-cron wakes it on every minute boundary (src/scheduled/create-cron-trigger.ts), so a notice due at
// 09:00 goes out within seconds. Each pass decides from the database what is due, so it does not matter
// how often or by which replica the loop is woken.
import type { PointsRules } from "../ledger/points-rules.ts";
import type { BusinessCalendar } from "../infra/business-calendar.ts";
import type { Db } from "../infra/db/create-database.ts";
import type { Logger } from "../infra/create-logger.ts";
import { runDueSchedules } from "./run-due-schedules.ts";
import type { LearningClassifier } from "../understanding/classify/learning-classifier.ts";
import { PollLoop } from "../infra/poll-loop.ts";
import { nudgeOverdue } from "./nudge-overdue.ts";
import type { QuietHours } from "../infra/quiet-hours.ts";
import type { Metrics } from "../infra/metrics.ts";

export interface JobsDeps {
  db: Db;
  now: () => Date;
  log: Logger;
  pollMs: number;
  calendar: BusinessCalendar;
  classifier: LearningClassifier;
  quietHours: QuietHours | null;
  maxNudges: number;
  onQueued: () => void;
  metrics?: Pick<Metrics, "jobRuns">;
  /** The duty ledger's points rules: the monthly digest ranks the deputies by them. */
  pointsRules?: PointsRules;
}

/** One pass of every job, each on its own: a schedule that cannot be computed (say, a broken rule) must
 * not stop the nudges or the retraining, and the other way round. */
export async function runJobsOnce(deps: JobsDeps): Promise<void> {
  async function guarded(job: string, run: () => Promise<number>): Promise<number> {
    try {
      const done = await run();
      deps.metrics?.jobRuns.inc({ job, outcome: "ok" });
      return done;
    } catch (err) {
      deps.metrics?.jobRuns.inc({ job, outcome: "failed" });
      deps.log.error({ err, job }, "job failed; the others go on");
      return 0;
    }
  }
  const ran = await guarded("schedules", () => runDueSchedules(deps, deps.now()));
  const nudged = await guarded("overdue nudges", () => nudgeOverdue(deps.db, deps.now(), deps.log, deps));
  if (ran + nudged > 0) deps.onQueued();
  await guarded("corrections", async () => {
    await deps.classifier.refresh();
    return 0;
  });
}

export function createJobsLoop(deps: JobsDeps): PollLoop {
  return new PollLoop(
    "jobs",
    async () => {
      await runJobsOnce(deps);
      return false; // one pass per period
    },
    deps.pollMs,
    deps.log,
  );
}
