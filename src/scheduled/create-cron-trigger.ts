// node-cron only wakes the jobs loop, at every minute boundary in Asia/Shanghai; what is due is decided
// from the database (src/scheduled/run-due-schedules.ts). noOverlap: a slow pass is never doubled by
// the next tick (the loop itself also runs one pass at a time).
import cron, { type ScheduledTask } from "node-cron";

export function createCronTrigger(wake: () => void): ScheduledTask {
  return cron.schedule("* * * * *", () => wake(), { timezone: "Asia/Shanghai", noOverlap: true, name: "minyi-jobs" });
}
