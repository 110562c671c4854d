// The reception days of a month under a rule: the pattern gives the nominal dates; the holiday policy
// keeps them or moves a date that is not a working day (weekend or public holiday, with make-up working
// days counting as working days) to the next working day. Each day also gets an ordinal — its place in
// the sequence of all reception days — from which the duty rotation is derived.
import type { BusinessCalendar } from "../infra/business-calendar.ts";
import { addDays } from "../infra/shanghai-time.ts";
import type { HolidayPolicy, ReceptionPattern, ReceptionRule } from "./reception-rule.ts";

export interface ReceptionDate {
  /** The day it is held, YYYY-MM-DD. */
  date: string;
  /** The day the pattern gives; differs from `date` when the holiday policy moved it. */
  nominal: string;
  /** Position in the sequence of all reception days under this pattern (for the duty rotation). */
  ordinal: number;
}

const pad = (n: number) => String(n).padStart(2, "0");
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

export function nominalDates(pattern: ReceptionPattern, year: number, month: number): string[] {
  const last = daysInMonth(year, month);
  const day = (d: number) => `${year}-${pad(month)}-${pad(d)}`;
  if ("days" in pattern) return [...new Set(pattern.days.map((d) => Math.min(d, last)))].sort((a, b) => a - b).map(day);
  const matching: number[] = [];
  for (let d = 1; d <= last; d++) if (isoWeekday(day(d)) === pattern.weekday) matching.push(d);
  const pick = pattern.nth === -1 ? matching.at(-1) : matching[pattern.nth - 1];
  return pick === undefined ? [] : [day(pick)]; // e.g. no 5th Monday this month
}

export function applyHolidayPolicy(date: string, policy: HolidayPolicy, calendar: BusinessCalendar): string {
  if (policy === "keep") return date;
  let d = date;
  while (!calendar.isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** Reception days whose nominal date falls in the given month (1–12). */
export function receptionDatesIn(
  rule: Pick<ReceptionRule, "pattern" | "holidayPolicy">,
  year: number,
  month: number,
  calendar: BusinessCalendar,
): ReceptionDate[] {
  const perMonth = "days" in rule.pattern ? new Set(rule.pattern.days).size : 1;
  const base = (year * 12 + (month - 1)) * perMonth;
  return nominalDates(rule.pattern, year, month).map((nominal, i) => ({
    date: applyHolidayPolicy(nominal, rule.holidayPolicy, calendar),
    nominal,
    ordinal: base + i,
  }));
}

/** Reception days held within [from, to] (inclusive dates), looking one month either side for moved days. */
export function receptionDatesBetween(
  rule: Pick<ReceptionRule, "pattern" | "holidayPolicy">,
  from: string,
  to: string,
  calendar: BusinessCalendar,
): ReceptionDate[] {
  const out: ReceptionDate[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  m -= 1;
  if (m === 0) [y, m] = [y - 1, 12];
  const [endY, endM] = to.split("-").map(Number) as [number, number];
  while (y * 12 + m <= endY * 12 + endM) {
    for (const d of receptionDatesIn(rule, y, m, calendar)) if (d.date >= from && d.date <= to) out.push(d);
    m += 1;
    if (m === 13) [y, m] = [y + 1, 1];
  }
  return out;
}
