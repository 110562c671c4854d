// Which reception day staff mean: the date they wrote (a date without a year is in the current year; the
// caller refuses one in the future), or, when they wrote none, the group's latest reception day up to
// today under its rule (today when the group has no rule).
import type { BusinessCalendar } from "../infra/business-calendar.ts";
import { addDays, shanghaiDate } from "../infra/shanghai-time.ts";
import type { Db } from "../infra/db/create-database.ts";
import { receptionDatesBetween } from "./reception-days.ts";
import { parseReceptionRow } from "./reception-rule.ts";

/** "2026-02-30" parses (as 2 March) but is no date: it must come back unchanged. */
function isCalendarDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** A date the group's rule makes a reception day (within 400 days of it); true when the group has no rule. */
export async function isReceptionDay(
  db: Db,
  groupId: number,
  date: string,
  calendar: BusinessCalendar,
): Promise<boolean> {
  const row = await db.receptionRule.findUnique({ where: { groupId } });
  if (!row) return true;
  return receptionDatesBetween(parseReceptionRow(row), date, date, calendar).some((d) => d.date === date);
}

export async function resolveReceptionDate(
  db: Db,
  groupId: number,
  written: string | null,
  now: Date,
  calendar: BusinessCalendar,
): Promise<string | null> {
  const today = shanghaiDate(now);
  if (written) {
    const year = Number(today.slice(0, 4));
    const date = written.startsWith("????") ? written.replace("????", String(year)) : written;
    return isCalendarDate(date) ? date : null;
  }
  const row = await db.receptionRule.findUnique({ where: { groupId } });
  if (!row) return today;
  return receptionDatesBetween(parseReceptionRow(row), addDays(today, -45), today, calendar).at(-1)?.date ?? today;
}
