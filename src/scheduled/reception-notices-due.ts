// Which reception-day notices are due at an instant. A notice is due from its scheduled time until its
// grace window ends, so a process that was down at the scheduled minute still sends it on catch-up, and
// a notice that would no longer make sense (after the reception started) is not sent at all:
//   T-3  09:00 three days before the day; grace 24 hours
//   T-0  08:00 on the day (an hour before the start when that is earlier); grace until the start
import type { BusinessCalendar } from "../infra/business-calendar.ts";
import { addDays, shanghaiDate, shanghaiInstant } from "../infra/shanghai-time.ts";
import { receptionDatesBetween, type ReceptionDate } from "../groups/reception-days.ts";
import type { ReceptionRule } from "../groups/reception-rule.ts";

export interface DueNotice {
  /** The run key: reminder:<group>:<date>:<stage> */
  key: string;
  stage: "T-3" | "T-0";
  day: ReceptionDate;
  dueAt: Date;
}

const HOUR = 3600_000;

function morningOf(day: string, startTime: string): Date {
  const start = shanghaiInstant(day, startTime);
  const eight = shanghaiInstant(day, "08:00");
  return new Date(Math.min(eight.getTime(), start.getTime() - HOUR));
}

export function receptionNoticesDue(rule: ReceptionRule, now: Date, calendar: BusinessCalendar): DueNotice[] {
  const today = shanghaiDate(now);
  const due: DueNotice[] = [];
  for (const day of receptionDatesBetween(rule, today, addDays(today, 4), calendar)) {
    const t3 = shanghaiInstant(addDays(day.date, -3), "09:00");
    const t0 = morningOf(day.date, rule.startTime);
    const start = shanghaiInstant(day.date, rule.startTime);
    const windows = [
      { stage: "T-3" as const, dueAt: t3, until: new Date(Math.min(t3.getTime() + 24 * HOUR, start.getTime())) },
      { stage: "T-0" as const, dueAt: t0, until: start },
    ];
    for (const w of windows) {
      if (w.dueAt <= now && now < w.until)
        due.push({ key: `reminder:${rule.groupId}:${day.date}:${w.stage}`, stage: w.stage, day, dueAt: w.dueAt });
    }
  }
  return due;
}
