// When the digests are due, and which period each reports on (Asia/Shanghai):
//   weekly   the group's digest weekday and time (default Monday 09:00) → the seven days before that day;
//            run key digest:<group>:<ISO week of the period's last day>, e.g. digest:7:2026-W49; grace 24 h
//   monthly  the 1st of the month, 09:00 → the month before; run key digest-monthly:<group>:2026-11;
//            grace 72 h
// A digest is due only for a period that ended after the group was first seen (`knownSince`, the group's
// creation in the database): a fresh install, or a group added to a running system, never "catches up" a
// report on weeks or months in which nothing could have been recorded for it.
// Subpath imports: the package's index loads every function (a third of a second at start).
import { getISOWeek } from "date-fns/getISOWeek";
import { getISOWeekYear } from "date-fns/getISOWeekYear";
import { addDays, monthDay, shanghaiDate, shanghaiInstant, shanghaiMonth } from "../infra/shanghai-time.ts";
import { isoWeekday } from "../groups/reception-days.ts";
import type { Period } from "../tickets/period-figures.ts";

const HOUR = 3600_000;
export const WEEKLY_GRACE_MS = 24 * HOUR;
export const MONTHLY_GRACE_MS = 72 * HOUR;

/** "2026-W49": ISO week-numbering year and week of a calendar date. */
export function isoWeekKey(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const local = new Date(y, m - 1, d); // date-fns reads local calendar fields; any process time zone works
  return `${getISOWeekYear(local)}-W${String(getISOWeek(local)).padStart(2, "0")}`;
}

export interface WeeklyDue {
  weekKey: string;
  dueAt: Date;
  week: Period;
  previousWeek: Period;
  /** "11月23日—11月29日" */
  range: string;
}

export interface DigestSchedule {
  digestWeekday: number;
  digestTime: string;
  /** When the group was first seen: periods that ended before it are never reported on. */
  knownSince: Date;
}

/** True when the group existed during (some of) the period: it ended after the group was first seen. */
export function groupKnownDuring(period: Period, knownSince: Date): boolean {
  return period.to.getTime() > knownSince.getTime();
}

export function weeklyDigestDue(schedule: DigestSchedule, now: Date): WeeklyDue | null {
  const today = shanghaiDate(now);
  let day = addDays(today, -((isoWeekday(today) - schedule.digestWeekday + 7) % 7));
  if (shanghaiInstant(day, schedule.digestTime) > now) day = addDays(day, -7);
  const dueAt = shanghaiInstant(day, schedule.digestTime);
  if (now.getTime() - dueAt.getTime() >= WEEKLY_GRACE_MS) return null;
  const start = addDays(day, -7);
  const week = { from: shanghaiInstant(start), to: shanghaiInstant(day) };
  if (!groupKnownDuring(week, schedule.knownSince)) return null;
  return {
    weekKey: isoWeekKey(addDays(day, -1)),
    dueAt,
    week,
    previousWeek: { from: shanghaiInstant(addDays(start, -7)), to: shanghaiInstant(start) },
    range: `${monthDay(start)}—${monthDay(addDays(day, -1))}`,
  };
}

export interface MonthlyDue {
  monthKey: string;
  dueAt: Date;
  month: Period;
  /** "2026年11月" */
  label: string;
}

export function monthlyDigestDue(knownSince: Date, now: Date): MonthlyDue | null {
  const today = shanghaiDate(now);
  const first = `${today.slice(0, 7)}-01`;
  const dueAt = shanghaiInstant(first, "09:00");
  if (now < dueAt || now.getTime() - dueAt.getTime() >= MONTHLY_GRACE_MS) return null;
  const previous = shanghaiMonth(new Date(shanghaiInstant(first).getTime() - 1));
  if (!groupKnownDuring({ from: previous.start, to: previous.end }, knownSince)) return null;
  const monthKey = shanghaiDate(previous.start).slice(0, 7);
  return {
    monthKey,
    dueAt,
    month: { from: previous.start, to: previous.end },
    label: `${monthKey.slice(0, 4)}年${Number(monthKey.slice(5, 7))}月`,
  };
}
