// One pass of the scheduler: find every run due now (reception notices, digests), skip those already
// recorded, compose and record the rest. What is due is computed from the database and the clock only,
// so a pass after a restart catches up on what the process missed (within each job's grace window) and
// a pass on another replica finds the same runs and records none of them twice.
import type { BusinessCalendar } from "../infra/business-calendar.ts";
import type { Db } from "../infra/db/create-database.ts";
import type { Logger } from "../infra/create-logger.ts";
import { digestRuns } from "./digest-runs.ts";
import { receptionReminderRuns } from "./reception-reminder-runs.ts";
import { recordRun } from "./scheduled-run.ts";
import type { PointsRules } from "../ledger/points-rules.ts";

export async function runDueSchedules(
  deps: { db: Db; calendar: BusinessCalendar; log: Logger; pointsRules?: PointsRules },
  now: Date,
): Promise<number> {
  const { db, log } = deps;
  const due = [
    ...(await receptionReminderRuns(db, now, deps.calendar)),
    ...(await digestRuns(db, now, deps.pointsRules, deps.calendar)),
  ];
  if (due.length === 0) return 0;
  const done = new Set(
    (await db.scheduledRun.findMany({ where: { key: { in: due.map((r) => r.key) } }, select: { key: true } })).map(
      (r) => r.key,
    ),
  );
  let ran = 0;
  for (const run of due) {
    if (done.has(run.key)) continue;
    const messages = await run.compose();
    if (await recordRun(db, run, messages, now)) {
      ran++;
      log.info(
        { run: run.key, dueAt: run.dueAt, lateMs: now.getTime() - run.dueAt.getTime(), messages: messages.length },
        "scheduled run recorded",
      );
    }
  }
  return ran;
}
